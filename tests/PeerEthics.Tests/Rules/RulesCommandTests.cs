using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>The <c>peerethics rules</c> commands, run as a real process.</summary>
public sealed class RulesCommandTests
{
    [Theory, AllDatabases]
    public async Task Eval_prints_each_programs_outcome_and_trace_as_json(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);

        var result = await cli.RunAsync("rules", "eval", "--program", Seeds.Massachusetts, "--situation", RulesApiTests.SamplePath("loan.json"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var evaluation = Assert.Single(json.RootElement.GetProperty("evaluations").EnumerateArray());
        Assert.Equal(Seeds.Massachusetts, evaluation.GetProperty("program").GetString());
        Assert.Equal("against-code", evaluation.GetProperty("outcome").GetString());
        var rule = evaluation.GetProperty("rules")[0];
        Assert.Equal("ma-11-loans", rule.GetProperty("rule").GetString());
        Assert.Equal("11.", rule.GetProperty("trace").GetProperty("principles")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Eval_as_text_names_the_code_version_the_rule_and_quotes_the_principle()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("rules", "eval", "--situation", RulesApiTests.SamplePath("relationship-eight-months-after-support-ended.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Code: massachusetts-cps version 1, sha256 ", result.Output, StringComparison.Ordinal);
        Assert.Contains("[against-code] ma-13-intimate", result.Output, StringComparison.Ordinal);
        Assert.Contains("[needs-review] mo-8-intimate", result.Output, StringComparison.Ordinal);
        Assert.Contains("Principle 8. \"CMPS will never engage in exploitive and/or sexual/intimate activities with the persons they serve.\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("Parameter relationship-window-months = 12 months (from 2015-01-01, program setting to confirm;", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_refuses_a_bad_situation_naming_the_field_and_an_unknown_program()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var bad = cli.WriteFile("bad.json", """{"kind": "gift", "value": -5}""");
        var good = cli.WriteFile("good.json", """{"kind": "gift"}""");
        var notJson = cli.WriteFile("not.json", "kind: gift");

        var badResult = await cli.RunAsync("rules", "eval", "--situation", bad);
        var unknownProgram = await cli.RunAsync("rules", "eval", "--situation", good, "--program", "texas");
        var notJsonResult = await cli.RunAsync("rules", "eval", "--situation", notJson);
        var badFormat = await cli.RunAsync("rules", "eval", "--situation", good, "--format", "xml");

        Assert.Equal(2, badResult.ExitCode);
        Assert.StartsWith("peerethics: value: 'value' must be an amount in dollars", badResult.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownProgram.ExitCode);
        Assert.Contains("there is no program 'texas'", unknownProgram.Error, StringComparison.Ordinal);
        Assert.Equal(2, notJsonResult.ExitCode);
        Assert.Contains("is not valid JSON", notJsonResult.Error, StringComparison.Ordinal);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Empty(badResult.Output);
    }

    [Fact]
    public async Task Check_accepts_the_shipped_rule_files_and_refuses_a_broken_one_naming_the_line()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var broken = ShippedRuleFiles.Text(Seeds.Massachusetts).Replace("value: 12", "value: twelve", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("twelve", StringComparison.Ordinal)) + 1;
        var brokenFile = cli.WriteFile("broken.rules.yaml", broken);

        var good = await cli.RunAsync("rules", "check", ShippedRuleFiles.PathOf(Seeds.Massachusetts));
        var bad = await cli.RunAsync("rules", "check", brokenFile);

        Assert.True(good.ExitCode == 0, good.Error);
        Assert.Equal("massachusetts-cps.rules.yaml: valid. 7 rules and 3 parameters for massachusetts-cps, version 1.", good.Output.Trim());
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith($"broken.rules.yaml, line {line}, column 16: parameter 'relationship-window-months': 'twelve' is not a number of months", bad.Error, StringComparison.Ordinal);
    }
}
