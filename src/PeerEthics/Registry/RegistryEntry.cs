using PeerEthics.People;

namespace PeerEthics.Registry;

/// <summary>
/// What the public registry shows of one credential, and nothing else: the name the person goes by, the program,
/// the number, the status, the expiry date and the public notices. No contact details, employer, supervisor,
/// history or ids of people. The API writes exactly these fields (a test holds the set).
/// </summary>
public sealed record RegistryEntry(
    string Number, string Name, string Program, string ProgramSlug, string Status, DateOnly? ExpiresOn,
    IReadOnlyList<PublicNotice> PublicNotices)
{
    /// <summary>The status as a value, for pages (a method, so the JSON keeps only the fields above).</summary>
    public CredentialStatus StatusValue() => Enum.Parse<CredentialStatus>(Status, ignoreCase: true);
}

/// <summary>
/// A public notice on a credential (a disciplinary decision a program publishes). None exist yet: the ethics cases
/// work adds them; until then every entry's list is empty.
/// </summary>
public sealed record PublicNotice(DateOnly Date, string Title, string Text);

/// <summary>One page of a name search, newest data date included.</summary>
public sealed record RegistrySearchResult(
    string Query, int Page, int PageSize, bool HasMore, DateTimeOffset? LastUpdated, IReadOnlyList<RegistryEntry> Results);
