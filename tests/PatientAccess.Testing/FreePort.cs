using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PatientAccess.Testing;

/// <summary>Loopback ports chosen per test run, so parallel runs and a running demo never collide.</summary>
public static class FreePort
{
    /// <summary>
    /// Every port handed out in this process: the kernel may offer a port again as soon as its
    /// probe listener closes, and one stack once got the same port for two services (a CI run).
    /// </summary>
    private static readonly ConcurrentDictionary<int, bool> Given = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Given.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
