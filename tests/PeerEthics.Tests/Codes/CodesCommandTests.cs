using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes;

/// <summary>The <c>peerethics codes</c> commands, run as a real process.</summary>
public sealed class CodesCommandTests
{
    [Fact]
    public async Task A_dry_run_prints_the_parsed_document_as_json_and_touches_no_database()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "import", Seeds.PathOf(Seeds.Massachusetts), "--dry-run", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("Certified Peer Specialists Code of Ethics Massachusetts", root.GetProperty("title").GetString());
        foreach (var field in new[] { "issuer", "preamble", "sections", "principles", "pledge", "revisions", "otherText", "warnings" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing '{field}'");
        }

        var principles = root.GetProperty("principles").EnumerateArray().ToList();
        Assert.Equal(14, principles.Count);
        Assert.Equal("13.", principles[12].GetProperty("label").GetString());
        Assert.StartsWith("Certified Peer Specialists will never engage in sexual/intimate activities", principles[12].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(principles, p => Assert.Equal(JsonValueKind.Array, p.GetProperty("themes").ValueKind));
        Assert.Contains("fully understand the Code of Ethics", root.GetProperty("pledge").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal([2006, 2008, 2013, 2015], root.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("year").GetInt32()));
        Assert.Empty(Directory.GetFiles(cli.DataDirectory, "*.db"));
    }

    [Fact]
    public async Task A_dry_run_of_missouri_finds_eighteen_principles_and_no_pledge()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "import", Seeds.PathOf(Seeds.Missouri), "--dry-run", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(18, json.RootElement.GetProperty("principles").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pledge").ValueKind);
    }

    [Theory]
    [InlineData("codes", "import", "FILE", "--dry-run", "--no-such-option")]
    [InlineData("codes", "export", "massachusetts-cps", "--format", "pdf")]
    [InlineData("codes", "frobnicate")]
    [InlineData("--bogus")]
    public async Task An_unknown_option_or_command_is_a_one_line_error_with_exit_code_2(params string[] args)
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var file = cli.WriteFile("code.txt", Seeds.Text(Seeds.Missouri));

        var result = await cli.RunAsync([.. args.Select(a => a == "FILE" ? file : a)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("peerethics: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error_with_exit_code_2()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "import", "/no/such/code.txt", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("peerethics: file not found: /no/such/code.txt", result.Error.TrimEnd());
    }

    [Theory]
    [InlineData(new byte[] { 0x43, 0x6F, 0x64, 0x65, 0xFF, 0xFE, 0x20, 0x31 }, "is not UTF-8 text")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D }, "is not UTF-8 text")]
    [InlineData(new byte[] { 0x31, 0x2E, 0x20, 0x00, 0x41 }, "not a text document")]
    public async Task Unreadable_input_is_a_one_line_error_with_exit_code_2(byte[] bytes, string expected)
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var file = cli.WriteFile("code.txt", bytes);

        var result = await cli.RunAsync("codes", "import", file, "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Importing_a_revised_code_publishes_a_new_version_once(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);
        var revised = cli.WriteFile("revised.txt", Seeds.Text(Seeds.Missouri).Replace("gifts of significant monetary value", "gifts or loans of any monetary value", StringComparison.Ordinal));

        var first = await cli.RunAsync("codes", "import", revised, "--program", "missouri-cmps", "--effective", "2027-01-01");
        var again = await cli.RunAsync("codes", "import", revised, "--program", "missouri-cmps", "--effective", "2027-01-01");
        var exported = await cli.RunAsync("codes", "export", "missouri-cmps", "--version", "2", "--format", "md");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("Published missouri-cmps version 2, in force from 2027-01-01", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.StartsWith("Unchanged: missouri-cmps version 2", again.Output, StringComparison.Ordinal);
        Assert.Contains("gifts or loans of any monetary value", exported.Output, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Publishing_to_an_unknown_program_names_the_program_and_stores_nothing(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);
        var file = cli.WriteFile("code.txt", Seeds.Text(Seeds.Missouri) + "\n19. CMPS will be kind.");

        var result = await cli.RunAsync("codes", "import", file, "--program", "kansas", "--effective", "2027-01-01");
        var list = await cli.RunAsync("codes", "list", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("program: There is no program 'kansas'", result.Error, StringComparison.Ordinal);
        using var codes = JsonDocument.Parse(list.Output);
        Assert.All(codes.RootElement.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("versionCount").GetInt32()));
    }

    [Fact]
    public async Task An_effective_date_that_is_not_a_date_is_refused_naming_the_option()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "import", Seeds.PathOf(Seeds.Missouri), "--program", "missouri-cmps", "--effective", "2027-13-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--effective '2027-13-01' is not a date in the form yyyy-mm-dd", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "# Certified Peer Specialists Code of Ethics Massachusetts")]
    [InlineData("html", "<h1>Certified Peer Specialists Code of Ethics Massachusetts</h1>")]
    [InlineData("json", "\"title\": \"Certified Peer Specialists Code of Ethics Massachusetts\"")]
    public async Task A_code_exports_as_markdown_html_and_json(string format, string expected)
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "export", "massachusetts-cps", "--format", format);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.Contains("Certified Peer Specialists will not offer support to another when under the influence", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_an_unknown_code_names_it()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "export", "atlantis");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("peerethics: there is no code 'atlantis'.", result.Error.TrimEnd());
    }

    [Fact]
    public async Task The_crosswalk_command_takes_code_names_or_files_and_prints_pairs_and_what_each_lacks()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("codes", "crosswalk", "massachusetts-cps", Seeds.PathOf(Seeds.Missouri), "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var pairs = json.RootElement.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Contains(pairs, p => p.GetProperty("left").GetString() == "11." && p.GetProperty("right").GetString() == "13.");
        Assert.All(pairs, p => Assert.InRange(p.GetProperty("score").GetDouble(), 0, 1));
        Assert.Contains("14.", json.RootElement.GetProperty("onlyLeft").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("17.", json.RootElement.GetProperty("onlyRight").EnumerateArray().Select(e => e.GetString()));
    }
}
