using System.Net;
using System.Net.Sockets;

namespace PatientAccess.Testing;

/// <summary>Loopback ports chosen per test run, so parallel runs and a running demo never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
