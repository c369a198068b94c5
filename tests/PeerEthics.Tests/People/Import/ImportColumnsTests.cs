using PeerEthics.People.Import;

namespace PeerEthics.Tests.People.Import;

/// <summary>The columns are documented in one place, and docs/people-import.md says the same.</summary>
public sealed class ImportColumnsTests
{
    [Fact]
    public void The_documentation_lists_every_column_as_the_app_describes_it()
    {
        var doc = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "people-import.md"));

        var rows = doc.Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        Assert.Equal(ImportColumns.All.Select(c => $"| `{c.Name}` | {c.Needed} | {c.Meaning} | {c.Example} |"), rows);
    }

    [Fact]
    public void The_sample_has_every_column_in_the_documented_order()
    {
        var header = File.ReadLines(ImportFiles.SamplePath).First();

        Assert.Equal(string.Join(',', ImportColumns.All.Select(c => c.Name)), header);
    }
}
