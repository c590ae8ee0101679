namespace PatientAccess.LoadTests.Cli;

/// <summary>The --help text.</summary>
internal static class Usage
{
    public const string Text = """
        PatientAccess.LoadTests: load tests for the PatientAccess stack.

        Usage:
          PatientAccess.LoadTests http --url URL [--url URL ...] --rate N --duration 30s [options]
          PatientAccess.LoadTests http --url URL --concurrency N --duration 30s [options]
          PatientAccess.LoadTests launch --authserver URL --data DIR --aud URL [smart options]
          PatientAccess.LoadTests token --authserver URL --data DIR --aud URL --grant G --rate N --duration 30s [options]
          PatientAccess.LoadTests --help

        Commands:
          http     the "http-get" scenario: one GET per arrival, round-robin over the URLs. 2xx
                   answers count as ok; other statuses, timeouts and connection errors fail.
          launch   one standalone SMART App Launch over HTTP, as an app and the demo member do it:
                   authorize (PKCE S256), the member pages (register, or sign in with the code
                   e-mailed to DIR/outbox), choose, sharing, approve, then the code at the token
                   endpoint. Prints the token response as one line of JSON on stdout.
          token    prepares real codes or tokens through the member pages (not timed), then loads
                   the token or introspection endpoint with one POST per arrival.

        Load (http, token; exactly one of --rate or --concurrency):
          --rate N             open model: N arrivals per second on a fixed schedule, whether or
                               not earlier requests have finished
          --ramp-to N          with --rate: change the rate linearly from --rate to N over --duration
          --concurrency N      closed model: keep N requests running back to back (for comparison;
                               a slow system lowers its own load, so latencies look better)
          --duration D         how long to offer load: 500ms, 30s, 2m, 1h (required)
          --timeout D          per-request timeout, counted as a failure (default 5s)
          --max-in-flight N    arrivals that find N requests still running are dropped and
                               counted (default 1000)
          --report-dir DIR     where the Markdown and HTML reports go (default ./loadtest-reports)

        http options:
          --url URL            target; repeat for several (required)
          --header 'N: v'      request header; repeat for several
          --check-fhir         read every 2xx body as FHIR R4 (Firely, strict); one that is not
                               valid fails as "invalid-fhir" (costs the load tool CPU per answer)

        SMART options (launch, token):
          --authserver URL     the authorization server's base URL (required), e.g. http://127.0.0.1:5001
          --data DIR           the stack's data folder, with demo-clients.json and outbox/ (required;
                               ./run.sh uses .data)
          --aud URL            the FHIR base URL the tokens are for (required; the authserver does not
                               advertise it; ./run.sh's is http://localhost:5000/r4)
          --client KIND        confidential (client_secret_basic, default) or public (client_id only)
          --client-id ID       another registered app than the demo ones, whose credentials are in
                               --clients FILE (default DIR/demo-clients.json; same JSON shape)
          --scope S            default "launch/patient openid fhirUser offline_access patient/*.read"
          --email ADDR         the demo member's account address (default john.allen@example.com);
                               registered on first use, signed in with afterwards
          --categories LIST    launch only: sensitive categories to opt in to, comma-separated codes
                               (ETH, PSY, MH, HIV, SEX, STD, GDIS) or boxes (sud, mental, hiv, sexual,
                               genetic); none by default
          --language L         launch only: the member's browser language, en (default) or es

        token options:
          --grant G            authorization_code, refresh_token or introspect (required)
          --sessions N         member sessions minting codes in parallel while preparing (default 4)
          --codes N            --concurrency with authorization_code: codes to prepare (default
                               concurrency x 200); with --rate one code is prepared per arrival

        Shared:
          --allow-remote       permit hosts that are not loopback (localhost, 127.0.0.0/8, ::1); the
                               network policy here allows load only against our own machine, so use
                               it only for targets that are yours
          -h, --help           show this text

        Exit codes: 0 done (a load run completed whatever the target answered), 1 the run or the
        launch failed, 2 bad input.

        Examples, against ./run.sh's stack:
          PatientAccess.LoadTests http --url http://127.0.0.1:6000/health/live --rate 200 --duration 20s
          PatientAccess.LoadTests launch --authserver http://127.0.0.1:5001 --data .data --aud http://localhost:5000/r4
          PatientAccess.LoadTests token --authserver http://127.0.0.1:5001 --data .data --aud http://localhost:5000/r4 \
            --grant refresh_token --rate 50 --duration 30s
        """;
}
