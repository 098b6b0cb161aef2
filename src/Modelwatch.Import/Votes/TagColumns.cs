using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Category tags a reader discovers while it streams. A column becomes a tag when it is first seen and stops
/// being one the first time it holds something other than a boolean; then its bit is removed from every vote
/// already added (<see cref="VoteTableBuilder.RemoveTag"/>) and from the row in progress, and a note says why.
/// Slots are stable handles for readers; bits move down when a lower tag is dropped.
/// </summary>
internal sealed class TagColumns(VoteTableBuilder builder, List<string> notes)
{
    private readonly List<Slot> _slots = [];
    private readonly Dictionary<string, int> _slotByName = new(StringComparer.Ordinal);

    /// <summary>The slot for a tag name, registering it as a tag the first time.</summary>
    public int Register(string name)
    {
        if (_slotByName.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var slot = new Slot(name);
        if (builder.TagNames.Count >= VoteTableBuilder.MaxTags)
        {
            slot.Bit = -1;
            notes.Add($"'{name}' is not used as a tag: a vote table holds at most {VoteTableBuilder.MaxTags} tags.");
        }
        else
        {
            slot.Bit = builder.GetOrAddTag(name);
        }

        _slots.Add(slot);
        _slotByName.Add(name, _slots.Count - 1);
        return _slots.Count - 1;
    }

    /// <summary>The bit to set for a true value in this slot; 0 once the slot was dropped.</summary>
    public ulong Mask(int slot)
    {
        var bit = _slots[slot].Bit;
        return bit < 0 ? 0 : 1UL << bit;
    }

    public bool IsDropped(int slot) => _slots[slot].Bit < 0;

    /// <summary>Stops treating a slot as a tag because of a non-boolean value found at <paramref name="where"/>.</summary>
    /// <param name="slot">The slot to drop.</param>
    /// <param name="where">Where the value was found, e.g. "on line 4".</param>
    /// <param name="found">The value as a message shows it.</param>
    /// <param name="pendingTags">The tag bits of the row being read, adjusted like the stored rows.</param>
    public void Drop(int slot, string where, string found, ref ulong pendingTags)
    {
        var dropped = _slots[slot];
        if (dropped.Bit < 0)
        {
            return;
        }

        var bit = builder.RemoveTag(dropped.Name);
        dropped.Bit = -1;
        if (bit >= 0)
        {
            var below = (1UL << bit) - 1;
            pendingTags = (pendingTags & below) | ((pendingTags >> 1) & ~below);
            foreach (var other in _slots)
            {
                if (other.Bit > bit)
                {
                    other.Bit--;
                }
            }
        }

        notes.Add($"'{dropped.Name}' is not a category tag: {where} it holds {found}, not a boolean (0/1/true/false).");
    }

    private sealed class Slot(string name)
    {
        public string Name { get; } = name;

        public int Bit { get; set; }
    }
}
