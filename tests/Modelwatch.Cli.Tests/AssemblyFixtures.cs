// One migrated (and one seeded) template database per provider for the whole run, dropped at its end.
[assembly: AssemblyFixture(typeof(Modelwatch.Testing.Database.DatabaseTemplates))]
