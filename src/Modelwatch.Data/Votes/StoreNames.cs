using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Modelwatch.Data.Votes;

/// <summary>
/// Table and column names of an entity as the model maps them, quoted for the provider, for the few statements
/// written by hand (bulk insert, bulk read). Taken from the model so a naming convention or a schema cannot drift
/// from the SQL.
/// </summary>
internal sealed class StoreNames
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    private StoreNames(ModelwatchDbContext db, Type type)
    {
        _entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = _entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        _table = StoreObjectIdentifier.Table(name, _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        Table = _sql.DelimitIdentifier(name, _entity.GetSchema());
    }

    /// <summary>The quoted (and schema-qualified, if any) table name.</summary>
    public string Table { get; }

    public static StoreNames For<T>(ModelwatchDbContext db) => new(db, typeof(T));

    /// <summary>The quoted column of a property.</summary>
    public string Column(string property)
    {
        var p = _entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.DisplayName()} has no property {property}.");
        return _sql.DelimitIdentifier(p.GetColumnName(_table) ?? throw new InvalidOperationException($"{property} has no column."));
    }

    /// <summary>The unquoted column of a property (for APIs that quote themselves).</summary>
    public string RawColumn(string property) =>
        (_entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.DisplayName()} has no property {property}.")).GetColumnName(_table)!;
}
