/// What one replication of a power study found: per path of the study, the estimate, its
/// bootstrap SE, whether the test rejected and whether the interval covered the population
/// value — or why the replication failed.
///
/// Replications are independent (their own data and bootstrap streams), so any subset can be
/// computed anywhere and the records merged: ``PowerResult`` folds them in (n, replication)
/// order.
public struct PowerReplication: Sendable, Equatable, Codable {
  /// One path's outcome in one replication.
  public struct Outcome: Sendable, Equatable, Codable {
    /// The path estimate on the replication's data.
    public var estimate: Double
    /// Its bootstrap standard error.
    public var standardError: Double
    /// Whether the bootstrap test rejected β = 0 at α (in the population's direction when
    /// one-tailed).
    public var detected: Bool
    /// Whether the (1 − α) interval contains the population value.
    public var covered: Bool

    public init(estimate: Double, standardError: Double, detected: Bool, covered: Bool) {
      self.estimate = estimate
      self.standardError = standardError
      self.detected = detected
      self.covered = covered
    }
  }

  /// The sample size n.
  public var respondents: Int
  /// The replication index (0-based) at that size.
  public var replication: Int
  /// The outcome per path, in the study's path order; nil when the replication failed.
  public var outcomes: [Outcome]?
  /// Why the replication failed (the data could not be estimated or bootstrapped): the error's
  /// message.
  public var failure: String?

  public init(respondents: Int, replication: Int, outcomes: [Outcome]?, failure: String? = nil) {
    self.respondents = respondents
    self.replication = replication
    self.outcomes = outcomes
    self.failure = failure
  }
}
