using PeerEthics.People;
using PeerEthics.Registry;

namespace PeerEthics.Tests.Registry;

/// <summary>How names become search keys: what matches what, before any database.</summary>
public sealed class RegistryKeysTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("JOSÉ", "jose")]
    [InlineData("Zoë Renée", "zoe renee")]
    [InlineData("Nguyễn Thảo", "nguyen thao")]
    [InlineData("Søren Łukasz Weiß", "soren lukasz weiss")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("OBrien", "obrien")]
    [InlineData("o'b", "ob")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("Mary-Jane  Smith–Jones", "mary jane smith jones")]
    [InlineData("St. John, Ana", "st john ana")]
    [InlineData("  ", "")]
    public void Names_are_compared_without_case_accents_or_apostrophes_and_hyphens_break_words(string name, string key) =>
        Assert.Equal(key, NameSearch.Normalize(name));

    [Fact]
    public void Each_word_of_the_legal_and_preferred_name_starts_one_key()
    {
        var keys = RegistryKeys.For("José María García-López", "Pepe García");

        Assert.Equal(
            ["jose maria garcia lopez", "maria garcia lopez jose", "garcia lopez jose maria", "lopez jose maria garcia", "pepe garcia", "garcia pepe"],
            keys);
    }

    [Fact]
    public void A_repeated_word_gives_no_repeated_key() =>
        Assert.Equal(["ana ana"], RegistryKeys.For("Ana Ana", "ANA ANA"));

    [Theory]
    [InlineData("jose", "jose maria garcia", true)]
    [InlineData("jose", "josefina garcia", true)]
    [InlineData("jose", "josf", false)]
    [InlineData("jose", "jos", false)]
    [InlineData("garcia j", "garcia jose maria", true)]
    [InlineData("garcia j", "garcia lopez jose", false)]
    [InlineData("ob", "obrien mary", true)]
    public void A_prefix_is_a_range_of_keys_in_ordinal_order(string prefix, string key, bool inside)
    {
        var (low, high) = RegistryKeys.RangeOf(prefix);

        var within = string.CompareOrdinal(key, low) >= 0 && string.CompareOrdinal(key, high) < 0;

        Assert.Equal(inside, within);
        Assert.Equal(key.StartsWith(prefix, StringComparison.Ordinal), within);
    }

    [Fact]
    public void The_listed_statuses_are_those_of_people_who_were_certified()
    {
        var compiled = RegistryStatuses.IsPublic.Compile();

        foreach (var status in CredentialStatuses.All)
        {
            var listed = RegistryStatuses.IsListed(status);
            Assert.Equal(listed, compiled(new Credential { Number = "CPS-000001", Status = status }));
            Assert.False(compiled(new Credential { Number = null, Status = status }));
        }

        Assert.Equal(
            [CredentialStatus.Certified, CredentialStatus.Inactive, CredentialStatus.Lapsed, CredentialStatus.Suspended, CredentialStatus.Revoked, CredentialStatus.Relinquished],
            RegistryStatuses.Listed);
    }
}
