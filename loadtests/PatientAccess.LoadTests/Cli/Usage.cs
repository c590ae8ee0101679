namespace PatientAccess.LoadTests.Cli;

/// <summary>The --help text.</summary>
internal static class Usage
{
    public const string Text = """
        PatientAccess.LoadTests: load tests for the PatientAccess stack.

        Usage:
          PatientAccess.LoadTests http --url URL [--url URL ...] --rate N --duration 30s [options]
          PatientAccess.LoadTests http --url URL --concurrency N --duration 30s [options]
          PatientAccess.LoadTests --help

        The "http" command runs the built-in "http-get" scenario: one GET per arrival, round-robin
        over the URLs. 2xx answers count as ok; other statuses, timeouts and connection errors fail.

        Load (exactly one of --rate or --concurrency):
          --rate N             open model: N arrivals per second on a fixed schedule, whether or
                               not earlier requests have finished
          --ramp-to N          with --rate: change the rate linearly from --rate to N over --duration
          --concurrency N      closed model: keep N requests running back to back (for comparison;
                               a slow system lowers its own load, so latencies look better)
          --duration D         how long to offer load: 500ms, 30s, 2m, 1h (required)

        Options:
          --url URL            target; repeat for several (required). Only loopback hosts
                               (localhost, 127.0.0.0/8, ::1) unless --allow-remote is given
          --allow-remote       permit non-loopback URLs; the network policy here allows load only
                               against our own machine, so use it only for targets that are yours
          --timeout D          per-request timeout, counted as a failure (default 5s)
          --max-in-flight N    arrivals that find N requests still running are dropped and
                               counted (default 1000)
          --header 'N: v'      request header; repeat for several
          --report-dir DIR     where the Markdown and HTML reports go (default ./loadtest-reports)
          -h, --help           show this text

        Exit codes: 0 run completed (whatever the target answered), 1 run failed, 2 bad input.

        Example, against ./run.sh's stack:
          PatientAccess.LoadTests http --url http://127.0.0.1:5000/health/live --rate 200 --duration 20s
        """;
}
