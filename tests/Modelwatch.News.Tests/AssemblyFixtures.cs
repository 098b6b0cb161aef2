// One migrated (and one seeded) template database per provider for the whole run, dropped at its end (the sync and digest tests store into it).
[assembly: AssemblyFixture(typeof(Modelwatch.Testing.Database.DatabaseTemplates))]
