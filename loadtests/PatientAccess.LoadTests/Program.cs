using PatientAccess.LoadTests.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C ends the run gracefully and still writes the report; a second one kills the process.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);
