namespace Modelwatch.Data.Catalog.Store;

/// <summary>The mutable tally behind one <see cref="KindCounts"/>.</summary>
internal sealed class KindCounter
{
    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public void Count(RowChange change)
    {
        switch (change)
        {
            case RowChange.Added: Added++; break;
            case RowChange.Changed: Changed++; break;
            case RowChange.Removed: Removed++; break;
            default: Unchanged++; break;
        }
    }

    public KindCounts ToCounts() => new(Added, Changed, Unchanged, Removed);
}

/// <summary>What an upsert did to one row.</summary>
internal enum RowChange
{
    Unchanged,
    Added,
    Changed,
    Removed,
}
