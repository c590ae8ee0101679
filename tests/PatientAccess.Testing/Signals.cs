using System.Diagnostics;
using System.Globalization;

namespace PatientAccess.Testing;

/// <summary>Sends POSIX signals the way an operator or an orchestrator would.</summary>
public static class Signals
{
    public static void Terminate(int pid) => Send(pid, "TERM");

    public static void Interrupt(int pid) => Send(pid, "INT");

    private static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        });
        kill?.WaitForExit();
    }
}
