import Foundation
import TestSupport
import Testing

/// `scripts/slurm-demo.sh`: the sharded bootstrap on a real single-node Slurm cluster (munged,
/// slurmctld and slurmd started by the script), with the `plssem` built for these tests.
///
/// The reference is a single `plssem bootstrap` with the same seed: the merged JSON must equal
/// it byte for byte (the script compares with `cmp` and prints both SHA-256 sums). Slurm is
/// installed by the script when missing (`make test` installs it beforehand); the test is
/// cancelled, with the script's message, only where it cannot be installed (exit 77: not root,
/// no sudo, no apt-get).
@Suite("Slurm demo", .serialized)
struct SlurmDemoTests {
  static let script = Repository.url("scripts/slurm-demo.sh")
  static let bash = URL(fileURLWithPath: "/bin/bash")

  /// Runs the demo with the test build of `plssem` and a small B; cancels the test where Slurm
  /// cannot be installed.
  static func runDemo(_ options: [String]) throws -> CLIRunner.Outcome {
    let binary = try CLIRunner.binary.get()
    let outcome = try CLIRunner.run(
      [script.path, "--plssem", binary.path, "--timeout", "300"] + options,
      timeout: 900, executable: bash)
    if outcome.status == 77 {
      try Test.cancel("Slurm cannot be installed here: \(outcome.standardError)")
    }
    return outcome
  }

  /// The value after `label` on the line of standard output that contains it.
  static func value(after label: String, in text: String) -> String? {
    for line in text.split(separator: "\n") {
      guard let range = line.range(of: label) else { continue }
      return line[range.upperBound...].trimmingCharacters(in: .whitespaces)
    }
    return nil
  }

  /// The process ids of munged, slurmctld and slurmd from the "cluster up" line.
  static func daemonIDs(in text: String) -> [pid_t] {
    guard let line = text.split(separator: "\n").first(where: { $0.contains("cluster up") })
    else { return [] }
    var ids: [pid_t] = []
    for name in ["munged ", "slurmctld ", "slurmd "] {
      guard let range = line.range(of: name) else { continue }
      let digits = line[range.upperBound...].prefix { $0.isNumber }
      if let id = pid_t(digits) { ids.append(id) }
    }
    return ids
  }

  /// The checks every successful demo run must pass: exit 0, equal checksums, daemons gone.
  static func expectIdenticalAndStopped(_ outcome: CLIRunner.Outcome, _ context: String) {
    let log = "\(context)\nstdout:\n\(outcome.standardOutput)\nstderr:\n\(outcome.standardError)"
    #expect(outcome.status == 0 && !outcome.timedOut, "\(log)")
    let merged = value(after: "sha256 merged", in: outcome.standardOutput)
    let single = value(after: "sha256 single", in: outcome.standardOutput)
    #expect(merged != nil && merged?.count == 64, "\(log)")
    #expect(merged == single, "merged \(merged ?? "none") vs single \(single ?? "none")\n\(log)")
    let daemons = daemonIDs(in: outcome.standardOutput)
    #expect(daemons.count == 3, "the 'cluster up' line names three daemons\n\(log)")
    for id in daemons {
      #expect(kill(id, 0) != 0, "daemon process \(id) still runs after the demo\n\(log)")
    }
    #expect(outcome.standardOutput.contains("stopped munged"), "\(log)")
  }

  @Test(
    "two runs in a row: the merge of the job array equals the single run, then a failed task is detected, named and rerun"
  )
  func demoRunsTwiceAndRecoversAFailedShard() throws {
    let plain = try Self.runDemo(["--bootstrap", "200", "--shards", "3"])
    Self.expectIdenticalAndStopped(plain, "plain run")

    let failing = try Self.runDemo(["--bootstrap", "200", "--shards", "3", "--fail-task", "2"])
    Self.expectIdenticalAndStopped(failing, "run with task 2 failing")
    let log = "stdout:\n\(failing.standardOutput)\nstderr:\n\(failing.standardError)"
    // The array task failed, and the dependent merge never ran.
    #expect(failing.standardError.contains("shard 2/3 failed (array task"), "\(log)")
    #expect(failing.standardError.contains("FAILED, exit code 1:0"), "\(log)")
    #expect(failing.standardError.contains("never ran (DependencyNeverSatisfied)"), "\(log)")
    // Why it failed, from the task's own log.
    #expect(failing.standardError.contains("shard-2.json: cannot write the output"), "\(log)")
    // A merge without shard 2 refuses, naming it; the rerun of task 2 alone completes the run.
    #expect(failing.standardOutput.contains("without shard 2 refused"), "\(log)")
    #expect(failing.standardOutput.contains("shard 2/3 is missing"), "\(log)")
    #expect(failing.standardOutput.contains("resubmitted task 2 alone"), "\(log)")
  }

  @Test(
    "the multi-group analysis (permutations, groups' bootstraps, MICOM) on the job array equals the single plssem mga run"
  )
  func multiGroupAnalysisOnTheArray() throws {
    let outcome = try Self.runDemo([
      "--analysis", "mga", "--permutations", "1100", "--bootstrap", "100", "--shards", "3",
    ])
    Self.expectIdenticalAndStopped(outcome, "mga run")
    #expect(outcome.standardOutput.contains("submitted mga array job"), "\(outcome.standardOutput)")
    #expect(outcome.standardOutput.contains("MICOM"), "\(outcome.standardOutput)")
  }

  @Test(
    "bad options exit 64 before anything is installed or started",
    arguments: [
      (["--shards", "0"], "--shards takes a positive whole number"),
      (["--shards", "3", "--fail-task", "4"], "--fail-task 4 is not a task of 1-3"),
      (["--bootstrap", "2", "--shards", "3"], "must be at least --shards"),
      (["--threads", "100000"], "more than this node's"),
      (["--seed"], "--seed needs a value"),
      (["--colour", "blue"], "unknown option '--colour'"),
      (["--analysis", "pca"], "--analysis takes bootstrap or mga"),
      (["--permutations", "0"], "--permutations takes a positive whole number"),
    ])
  func badOptions(options: [String], message: String) throws {
    let outcome = try CLIRunner.run(
      [Self.script.path] + options, timeout: 60, executable: Self.bash)
    #expect(outcome.status == 64, "\(outcome.standardError)")
    #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    #expect(!outcome.standardOutput.contains("cluster up"))
  }
}

/// The README's Slurm section shows the job-array and merge scripts that the demo submits.
@Suite("Slurm scripts in the README")
struct SlurmReadmeTests {
  @Test(
    "README.md contains scripts/slurm/bootstrap-array.sbatch, mga-array.sbatch and merge.sbatch verbatim",
    arguments: [
      "scripts/slurm/bootstrap-array.sbatch", "scripts/slurm/mga-array.sbatch",
      "scripts/slurm/merge.sbatch",
    ])
  func readmeShowsTheSubmittedScript(path: String) throws {
    let readme = try Repository.text("README.md")
    let script = try Repository.text(path)
    // The README indents code blocks by four spaces; blank lines stay blank.
    let indented = script.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
    #expect(
      readme.contains(indented),
      "README.md does not show \(path) as it is; copy the file into the README's Slurm section, indented by four spaces"
    )
  }
}
