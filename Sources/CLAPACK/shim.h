// The C surface of swift-plssem: CBLAS from OpenBLAS, and the handful of Fortran LAPACK
// routines LinearAlgebra uses, declared here so that `liblapacke-dev` is not needed.
// Every character argument of a Fortran routine takes a trailing hidden length (pass 1).
// Only the LinearAlgebra module imports this module.
#ifndef PLSSEM_CLAPACK_SHIM_H
#define PLSSEM_CLAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

typedef int lapack_int_t;

/* Cholesky factorisation, solve and inverse of a symmetric positive-definite matrix. */
void dpotrf_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *info, size_t uplo_len);
void dpotrs_(const char *uplo, const lapack_int_t *n, const lapack_int_t *nrhs, const double *a,
             const lapack_int_t *lda, double *b, const lapack_int_t *ldb, lapack_int_t *info,
             size_t uplo_len);
void dpotri_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *info, size_t uplo_len);
void dpocon_(const char *uplo, const lapack_int_t *n, const double *a, const lapack_int_t *lda,
             const double *anorm, double *rcond, double *work, lapack_int_t *iwork,
             lapack_int_t *info, size_t uplo_len);

/* Least squares by complete orthogonal factorisation (QR with column pivoting). */
void dgelsy_(const lapack_int_t *m, const lapack_int_t *n, const lapack_int_t *nrhs, double *a,
             const lapack_int_t *lda, double *b, const lapack_int_t *ldb, lapack_int_t *jpvt,
             const double *rcond, lapack_int_t *rank, double *work, const lapack_int_t *lwork,
             lapack_int_t *info);

/* QR factorisation pieces used for least squares and its diagnostics. */
void dgeqrf_(const lapack_int_t *m, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             double *tau, double *work, const lapack_int_t *lwork, lapack_int_t *info);
void dormqr_(const char *side, const char *trans, const lapack_int_t *m, const lapack_int_t *n,
             const lapack_int_t *k, const double *a, const lapack_int_t *lda, const double *tau,
             double *c, const lapack_int_t *ldc, double *work, const lapack_int_t *lwork,
             lapack_int_t *info, size_t side_len, size_t trans_len);
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const lapack_int_t *n,
             const lapack_int_t *nrhs, const double *a, const lapack_int_t *lda, double *b,
             const lapack_int_t *ldb, lapack_int_t *info, size_t uplo_len, size_t trans_len,
             size_t diag_len);
void dtrcon_(const char *norm, const char *uplo, const char *diag, const lapack_int_t *n,
             const double *a, const lapack_int_t *lda, double *rcond, double *work,
             lapack_int_t *iwork, lapack_int_t *info, size_t norm_len, size_t uplo_len,
             size_t diag_len);

/* Symmetric eigendecomposition, divide and conquer. */
void dsyevd_(const char *jobz, const char *uplo, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, double *w, double *work, const lapack_int_t *lwork,
             lapack_int_t *iwork, const lapack_int_t *liwork, lapack_int_t *info, size_t jobz_len,
             size_t uplo_len);

/* General LU factorisation, condition estimate and inverse. */
void dgetrf_(const lapack_int_t *m, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *ipiv, lapack_int_t *info);
void dgecon_(const char *norm, const lapack_int_t *n, const double *a, const lapack_int_t *lda,
             const double *anorm, double *rcond, double *work, lapack_int_t *iwork,
             lapack_int_t *info, size_t norm_len);
void dgetri_(const lapack_int_t *n, double *a, const lapack_int_t *lda, const lapack_int_t *ipiv,
             double *work, const lapack_int_t *lwork, lapack_int_t *info);
void dgetrs_(const char *trans, const lapack_int_t *n, const lapack_int_t *nrhs, const double *a,
             const lapack_int_t *lda, const lapack_int_t *ipiv, double *b, const lapack_int_t *ldb,
             lapack_int_t *info, size_t trans_len);

/* Norms used with the condition estimators. */
double dlange_(const char *norm, const lapack_int_t *m, const lapack_int_t *n, const double *a,
               const lapack_int_t *lda, double *work, size_t norm_len);
double dlansy_(const char *norm, const char *uplo, const lapack_int_t *n, const double *a,
               const lapack_int_t *lda, double *work, size_t norm_len, size_t uplo_len);

#endif
