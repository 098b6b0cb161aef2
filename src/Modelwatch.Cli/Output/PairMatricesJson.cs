using System.Text.Json;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Cli.Output;

/// <summary>The pair matrices as JSON: model names, then m×m arrays indexed [row model][column model].</summary>
internal static class PairMatricesJson
{
    public static void Write(Utf8JsonWriter json, PairMatrices matrices)
    {
        json.WriteStartObject("matrices");
        json.WriteStartArray("models");
        foreach (var model in matrices.Models)
        {
            json.WriteStringValue(model);
        }

        json.WriteEndArray();
        json.WriteStartArray("votesPerModel");
        foreach (var votes in matrices.VotesPerModel)
        {
            json.WriteNumberValue(votes);
        }

        json.WriteEndArray();
        Matrix(json, "battles", matrices.ModelCount, matrices.Battles);
        Matrix(json, "winFraction", matrices.ModelCount, matrices.WinFraction);
        Matrix(json, "predictedWinProbability", matrices.ModelCount, matrices.PredictedWinProbability);
        json.WriteEndObject();
    }

    private static void Matrix(Utf8JsonWriter json, string name, int m, Func<int, int, double> cell)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < m; i++)
        {
            json.WriteStartArray();
            for (var j = 0; j < m; j++)
            {
                var value = cell(i, j);
                if (double.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue(); // a pair that never met has no win fraction
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
