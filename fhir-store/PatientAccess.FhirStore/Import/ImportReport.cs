namespace PatientAccess.FhirStore.Import;

/// <summary>
/// The result of an import: counts, every rejected line with its reason, and every
/// reference to a resource that does not exist (stored anyway, reported for the operator).
/// </summary>
public sealed class ImportReport
{
    private const int MaxListed = 1000;

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    public List<ImportLine> Problems { get; } = [];

    public List<string> DanglingReferences { get; } = [];

    public int Stored => Created + Updated + Unchanged;

    public void Reject(ImportLine line)
    {
        Rejected++;
        if (Problems.Count < MaxListed)
        {
            Problems.Add(line);
        }
    }

    public void Dangling(string from, string reference)
    {
        if (DanglingReferences.Count < MaxListed)
        {
            DanglingReferences.Add($"{from} refers to {reference}, which does not exist");
        }
    }

    public string Summary =>
        $"{Stored} stored ({Created} created, {Updated} updated, {Unchanged} unchanged), {Rejected} rejected, {DanglingReferences.Count} dangling references";
}
