using System.Diagnostics;

namespace PatientAccess.Testing;

public static class ProcessExtensions
{
    /// <summary>Waits at most <paramref name="timeout"/>; true if the process exited.</summary>
    public static async Task<bool> WaitForExitAsync(this Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
