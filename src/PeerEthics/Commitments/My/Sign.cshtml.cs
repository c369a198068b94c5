using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.Commitments.My;

/// <summary>The signing form as typed. The password and the authenticator code are never sent back to the page.</summary>
public sealed class SignForm
{
    public string? TypedName { get; set; }

    public bool Confirm { get; set; }

    public string? Password { get; set; }

    public string? Totp { get; set; }

    /// <summary>Made when the page is shown, so a double submit or a retry of the same form records one commitment.</summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// <c>/my/commitments/sign?program=…</c>: the whole code version in force, then the pledge with the person's name, then
/// the form. When the person has already signed that version, the page says so and links to the commitment.
/// </summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class SignModel(PeopleDirectory people, CommitmentSigning signing, SignerCheck signer, CommitmentIndex index) : PageModel
{
    /// <summary>The fields of the form, in their order on the page: the error summary links these, and names other errors without a link.</summary>
    public static readonly IReadOnlyList<string> Fields = ["typedName", "confirm", "password", "totp"];

    [BindProperty(SupportsGet = true)]
    public string? Program { get; set; }

    [BindProperty]
    public SignForm Form { get; set; } = new();

    public SigningPage Signing { get; private set; } = null!;

    public FieldErrors Errors { get; } = new();

    public bool NeedsSecondFactor { get; private set; }

    /// <summary>The server's date, the one a signature records.</summary>
    public DateOnly Today => index.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        if (string.IsNullOrWhiteSpace(Program) && await signing.ProgramsOfAsync(personId, cancellationToken) is [var only])
        {
            Program = only.Slug;
        }

        if (!await LoadAsync(personId, cancellationToken))
        {
            return NotFound();
        }

        Form = new SignForm { IdempotencyKey = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        var outcome = await signing.SignAsync(personId, User, Program, new SignInput(Form.TypedName, Form.Confirm, Form.Password, Form.Totp),
            Form.IdempotencyKey, Request.Headers.UserAgent.ToString(), HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (outcome)
        {
            case SigningOutcome.Recorded(var id, _):
                return Redirect($"/my/commitments?signed={id}");
            case SigningOutcome.AlreadySigned:
                return Redirect($"/my/commitments/sign?program={Uri.EscapeDataString(Program ?? "")}");
            case SigningOutcome.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    Errors.Add(field, message);
                }

                if (!await LoadAsync(personId, cancellationToken))
                {
                    return NotFound();
                }

                // What was typed comes back, except the password and the code.
                Form.Password = null;
                Form.Totp = null;
                Form.IdempotencyKey ??= Guid.NewGuid().ToString("N");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken cancellationToken)
    {
        if (await signing.PrepareAsync(personId, Program, cancellationToken) is not { } page)
        {
            return false;
        }

        Signing = page;
        NeedsSecondFactor = await signer.NeedsSecondFactorAsync(User, cancellationToken);
        return true;
    }
}
