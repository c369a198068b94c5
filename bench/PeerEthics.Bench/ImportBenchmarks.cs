using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using PeerEthics.Codes.Import;

namespace PeerEthics.Bench;

/// <summary>
/// Importing a code document: the two seeds, and a generated document of about 1 MB (the budget is 50 ms)
/// with everything a real one has — sections, lead-ins, wrapped items, sub-items, bullets, paragraphs between
/// items, page numbers and form feeds, CRLF line endings, a pledge.
/// <c>dotnet run -c Release --project bench/PeerEthics.Bench -- --filter '*Import*'</c>
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _massachusetts = "";
    private string _missouri = "";
    private string _oneMegabyte = "";

    [GlobalSetup]
    public void Setup()
    {
        _massachusetts = Seed("massachusetts-cps-code-of-ethics.txt");
        _missouri = Seed("missouri-cmps-code-of-ethics.txt");
        _oneMegabyte = GenerateDocument(1_000_000);
    }

    [Benchmark]
    public ParsedCode Massachusetts() => CodeDocumentParser.Parse(_massachusetts);

    [Benchmark]
    public ParsedCode Missouri() => CodeDocumentParser.Parse(_missouri);

    [Benchmark]
    public ParsedCode OneMegabyteDocument() => CodeDocumentParser.Parse(_oneMegabyte);

    /// <summary>A code document of at least <paramref name="size"/> characters, the same every run.</summary>
    public static string GenerateDocument(int size)
    {
        var text = new StringBuilder(size + 4096);
        text.Append("\uFEFFMissouri Department of Mental Health Certified Missouri Peer Specialist Code of Ethics\r\n\r\n");
        text.Append("Written and approved by the members of the network \u2013 Revised and Updated in 2006. Further revisions were done in 2008 and 2013.\r\n\r\n");
        text.Append("The following principles guide Certified Peer Specialists. These expectations also apply to training participants.\r\n\r\n");
        var section = 0;
        while (text.Length < size)
        {
            section++;
            var number = 0;
            text.Append(CultureInfo.InvariantCulture, $"SECTION {section}: Conduct Toward Those Served\r\n");
            text.Append("A certified peer support specialist must:\r\n");
            for (var i = 0; i < 20; i++)
            {
                number++;
                text.Append(CultureInfo.InvariantCulture, $"{number}. Certified Peer Specialists will respect the rights, dignity and \u201Cchoices\u201D of the people they serve,\r\n");
                text.Append("including directive 885-07 (4-100) and the rules adopted in\r\n");
                text.Append("2015 based on feedback from the field\u2026\r\n");
                if (i % 5 == 0)
                {
                    text.Append("   a. never lend\u00A0or borrow money;\r\n   b. never accept gifts of significant value.\r\n");
                }

                if (i % 7 == 0)
                {
                    text.Append("\r\nThis includes being honest about the limits of what a story can teach.\r\n\r\n");
                }

                if (i % 10 == 9)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\r\nPage {(section * 2) + (number / 10)}\r\n\f");
                }
            }

            text.Append("\r\nResponsibilities to Colleagues\r\n\r\n");
            text.Append("- Treat colleagues with respect.\r\n- Raise concerns directly:\r\n  * in private first;\r\n  * in writing when needed.\r\n\r\n");
        }

        text.Append("\r\nI _____ fully understand the Code of Ethics and commit myself to carrying out the principles listed above.\r\n\r\nSignature _____ Date: _____\r\n");
        return text.ToString();
    }

    // The seeds ship in the app's content folder, which the build copies next to this assembly; BenchmarkDotNet
    // may run from a subfolder, so look upwards as well.
    private static string Seed(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "content", "codes", file), Path.Combine(directory.FullName, "src", "PeerEthics", "content", "codes", file) })
            {
                if (File.Exists(candidate))
                {
                    return File.ReadAllText(candidate);
                }
            }
        }

        throw new FileNotFoundException($"The seed {file} was not found above {AppContext.BaseDirectory}.", file);
    }
}
