using System.Text.RegularExpressions;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Accounts;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Web;

/// <summary>
/// The one error summary (Web/_ErrorSummary.cshtml) and field partial (Web/_Field.cshtml) as each feature's forms show
/// them: the page's own heading, errors in the order of the form's fields, each linking to its field.
/// </summary>
public sealed partial class ErrorSummaryTests
{
    [Fact]
    public async Task Account_errors_are_listed_in_the_order_the_fields_appear_on_the_form()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("ana@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.SignInAsync("ana@example.org");
        await browser.GetAsync("/account/change-password");

        var page = await browser.PostForPageAsync("/account/change-password", ("CurrentPassword", ""), ("NewPassword", "short"), ("ConfirmPassword", "different"));

        var summary = Summary(page);
        Assert.Contains("<h2 id=\"error-summary-title\">Please check what you typed</h2>", summary, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\"", summary, StringComparison.Ordinal);
        // Model state alone would list them sorted by name: ConfirmPassword, CurrentPassword, NewPassword.
        Assert.Equal(["CurrentPassword", "NewPassword", "ConfirmPassword"], Links(summary));
        Assert.Contains("Error: New password: use at least 12 characters.", page.TextOf("NewPassword-error"), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"NewPassword-error\"", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_error_about_the_whole_form_is_listed_without_a_link()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var (admin, key) = await app.CreateUserWithAuthenticatorAsync("admin@example.org", Roles.Administrator);
        var browser = new AccountClient(app);
        await browser.SignInWithCodeAsync("admin@example.org", key);
        await browser.GetAsync("/admin/users");

        var refused = await browser.PostForPageAsync("/admin/users", ("UserId", admin.Id), ("SelectedRoles", Roles.Registrar));

        var summary = Summary(refused);
        Assert.Contains("<li>Roles: this is the only administrator.", summary, StringComparison.Ordinal);
        Assert.Empty(Links(summary));
    }

    [Fact]
    public async Task A_staff_form_that_saves_says_nothing_was_saved_and_links_each_field()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var one = await FormPost.PostForPageAsync(staff, "/staff/people/new", FormPost.Fields(("legalName", "Quinn Typed"), ("email", "quinn.example.org")));
        var two = await FormPost.PostForPageAsync(staff, "/staff/people/new", FormPost.Fields(("legalName", ""), ("email", "quinn.example.org")));

        Assert.Contains("<h2 id=\"error-summary-title\">Nothing was saved. Please fix this:</h2>", Summary(one), StringComparison.Ordinal);
        Assert.Equal(["email"], Links(Summary(one)));
        Assert.Contains("<h2 id=\"error-summary-title\">Nothing was saved. Please fix these:</h2>", Summary(two), StringComparison.Ordinal);
        Assert.Equal(["legalName", "email"], Links(Summary(two)));
        Assert.Contains("Error: The email address must look like name@example.org.", one.TextOf("email-error"), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"email-error\" aria-invalid=\"true\"", one.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_situation_form_links_the_kind_to_its_first_choice_and_other_facts_to_their_controls()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);

        var page = await FormPost.PostForPageAsync(app.CreateClient(), "/rules/compare", FormPost.Fields(("value", "sixty dollars")));

        var summary = Summary(page);
        Assert.Contains("<h2 id=\"error-summary-title\">There is a problem</h2>", summary, StringComparison.Ordinal);
        Assert.Equal(["field-value", "kind-gift"], Links(summary).Order(StringComparer.Ordinal));
        Assert.Contains("What happened: 'kind' is required", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("What it is worth: 'value' must be an amount in dollars", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"value-hint value-error\" aria-invalid=\"true\"", page.Markup, StringComparison.Ordinal);
    }

    private static string Summary(Html page)
    {
        var match = SummaryBlock().Match(page.Markup);
        Assert.True(match.Success, "The page has no error summary.");
        return match.Value;
    }

    private static string[] Links(string summary) => [.. Link().Matches(summary).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<div class=\"error-summary\"[^>]*id=\"error-summary\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryBlock();

    [GeneratedRegex("href=\"#([^\"]*)\"")]
    private static partial Regex Link();
}
