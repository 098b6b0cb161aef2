namespace Modelwatch.Core.Votes;

/// <summary>
/// An append-only column that is allocated only once a vote carries a value for it, so a file with three
/// columns costs three columns of memory however many optional fields the table knows about.
/// </summary>
internal sealed class Column<T>(T missing)
    where T : struct
{
    private T[]? _values;

    public bool IsPresent => _values is not null;

    public T[]? Values => _values;

    public void Set(int index, T value, int capacity)
    {
        if (_values is null)
        {
            _values = new T[Math.Max(capacity, 16)];
            if (!EqualityComparer<T>.Default.Equals(missing, default))
            {
                Array.Fill(_values, missing);
            }
        }
        else if (index >= _values.Length)
        {
            Grow(Math.Max(capacity, index + 1));
        }

        _values[index] = value;
    }

    /// <summary>Keeps an allocated column as long as the table, filling new slots with the missing value.</summary>
    public void EnsureLength(int length)
    {
        if (_values is not null && length > _values.Length)
        {
            Grow(length);
        }
    }

    private void Grow(int length)
    {
        var old = _values!;
        var grown = new T[length];
        old.CopyTo(grown, 0);
        if (!EqualityComparer<T>.Default.Equals(missing, default))
        {
            Array.Fill(grown, missing, old.Length, length - old.Length);
        }

        _values = grown;
    }
}
