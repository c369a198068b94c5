using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Cli;

/// <summary>
/// What only the real executable shows: exit codes as a shell sees them, and stdout that holds nothing but
/// the command's output (logs go to stderr), so <c>peerethics … --format json | jq</c> works. The other
/// command tests run the same command line in-process.
/// </summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task A_command_prints_only_its_json_on_stdout_and_a_usage_error_exits_2_with_one_line_on_stderr()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var programs = await cli.RunExecutableAsync("programs", "list", "--format", "json");
        var usage = await cli.RunExecutableAsync("programs", "list", "--colour", "blue");

        Assert.Equal(0, programs.ExitCode);
        using (var json = JsonDocument.Parse(programs.Output))
        {
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
            Assert.Equal(2, json.RootElement.GetArrayLength());
        }

        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("", usage.Output);
        var line = Assert.Single(usage.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("peerethics: ", line, StringComparison.Ordinal);
        Assert.Contains("--colour", line, StringComparison.Ordinal);
    }
}
