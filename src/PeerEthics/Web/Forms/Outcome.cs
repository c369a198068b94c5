// Still PeerEthics.People.Forms (see FieldErrors): rename to PeerEthics.Web.Forms once the other branches are merged.
namespace PeerEthics.People.Forms;

/// <summary>
/// What a staff operation came to. Expected failures are values: a refusal names the fields and the rules and
/// changed nothing; a missing record is its own case, so pages answer 404 and the API a ProblemDetails.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record Refused(FieldErrors Errors) : Outcome<T>;

    /// <summary>The record acted on does not exist (or is not the caller's to see).</summary>
    public sealed record NotFound(string What) : Outcome<T>;
}
