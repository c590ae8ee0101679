using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// The form parts the member layout has no helper for (text areas, radio groups, file inputs),
/// built the same accessible way as <see cref="MemberPage.Field"/>: a label or legend, the hint
/// and the error tied to the control with aria-describedby, the error beside it.
/// </summary>
internal static class FormFields
{
    public static Html TextArea(MemberPage page, string id, string label, string? value, int maxLength, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var error = page.Errors.FirstOrDefault(e => e.Field == id);
        return Html.Of($"""
            <div class="field{Invalid(error)}">
            <label for="{id}">{label}</label>
            {Hint(id, hint)}{Error(id, error)}
            <textarea id="{id}" name="{id}" rows="4" maxlength="{maxLength}"{DescribedBy(id, hint, error)}{AriaInvalid(error)} required>{value}</textarea>
            </div>
            """);
    }

    /// <summary>A radio group; the first radio carries the group's id, so the error summary's link lands on it.</summary>
    public static Html Radios(MemberPage page, string id, string legend, IReadOnlyList<(string Value, string Label)> options, string? selected, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);
        var error = page.Errors.FirstOrDefault(e => e.Field == id);
        var radios = options.Select((o, i) =>
        {
            var inputId = i == 0 ? id : id + "-" + o.Value;
            var check = o.Value == selected ? Html.Of($" checked") : Html.Empty;
            return Html.Of($"<div class=\"choice\"><input type=\"radio\" id=\"{inputId}\" name=\"{id}\" value=\"{o.Value}\"{check}> <label for=\"{inputId}\">{o.Label}</label></div>");
        });
        return Html.Of($"""
            <fieldset class="field{Invalid(error)}"{DescribedBy(id, hint, error)}>
            <legend>{legend}</legend>
            {Hint(id, hint)}{Error(id, error)}
            {Html.Join(radios)}
            </fieldset>
            """);
    }

    public static Html File(MemberPage page, string id, string label, string hint, string accept)
    {
        ArgumentNullException.ThrowIfNull(page);
        var error = page.Errors.FirstOrDefault(e => e.Field == id);
        return Html.Of($"""
            <div class="field{Invalid(error)}">
            <label for="{id}">{label}</label>
            {Hint(id, hint)}{Error(id, error)}
            <input type="file" id="{id}" name="{id}" accept="{accept}"{DescribedBy(id, hint, error)}{AriaInvalid(error)}>
            </div>
            """);
    }

    private static Html Invalid(FieldError? error) => error is null ? Html.Empty : Html.Of($" invalid");

    private static Html AriaInvalid(FieldError? error) => error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\"");

    private static Html Hint(string id, string? hint) => hint is null ? Html.Empty : Html.Of($"<p class=\"hint\" id=\"{id}-hint\">{hint}</p>");

    private static Html Error(string id, FieldError? error) => error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"{id}-error\">{error.Message}</p>");

    private static Html DescribedBy(string id, string? hint, FieldError? error)
    {
        var ids = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        return ids.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{ids}\"");
    }
}
