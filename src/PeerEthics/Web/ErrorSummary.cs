namespace PeerEthics.Web;

/// <summary>
/// The model of <c>/Web/_ErrorSummary.cshtml</c>, the one error summary every form shows at its top: the errors in the
/// order of the form's fields, each linking to its field (an error with an empty field id is about the whole form and
/// links nowhere), under a heading the page may choose.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<FormError> Errors, string Heading = ErrorSummary.DefaultHeading)
{
    public const string DefaultHeading = "There is a problem";
}
