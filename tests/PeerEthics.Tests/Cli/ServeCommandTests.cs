using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PeerEthics.Tests.Cli;

/// <summary><c>peerethics serve</c> as a person runs it: a real process on a fresh data directory.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_binds_where_it_is_told_prints_the_url_and_loads_the_shipped_codes_into_a_fresh_data_directory()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("peerethics-serve-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peerethics.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["PEERETHICS_DATA"] = data;
        using var server = Process.Start(start)!;
        try
        {
            var announced = await ReadLineContainingAsync(server.StandardOutput, "is serving on", TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var codes = JsonDocument.Parse(await http.GetStringAsync("/api/codes"));

            Assert.Contains($"http://127.0.0.1:{port}", announced, StringComparison.Ordinal);
            Assert.Contains(data, announced, StringComparison.Ordinal);
            Assert.Equal(2, codes.RootElement.GetArrayLength());
            Assert.True(File.Exists(Path.Combine(data, "peerethics.db")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> ReadLineContainingAsync(StreamReader reader, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The server ended without printing '{text}'.");
    }
}
