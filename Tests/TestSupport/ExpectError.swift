import Testing

/// Runs `body`, which must throw an error of type `E`, and returns that error (nil, with an
/// issue recorded, when it returns normally or throws something else), so the test can then
/// check which case it is and what its message says.
public func expectError<E: Error, R>(
  _ errorType: E.Type, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> R
) -> E? {
  do {
    let result = try body()
    Issue.record("expected a \(E.self), got the result \(result)", sourceLocation: sourceLocation)
    return nil
  } catch let error as E {
    return error
  } catch {
    Issue.record(
      "expected a \(E.self), got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
