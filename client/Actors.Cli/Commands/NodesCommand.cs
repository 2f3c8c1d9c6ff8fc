using System.CommandLine;
using System.Globalization;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Cli.Commands;

/// <summary><c>actors nodes [--json]</c>: the executor nodes as a table, or as JSON.</summary>
internal static class NodesCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context, Option<string> url)
    {
        var json = new Option<bool>("--json") { Description = "Print the nodes as JSON instead of a table" };
        var nodes = new Command("nodes", "List the executor nodes") { json };
        nodes.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse, url, async (client, token) =>
        {
            var list = await client.GetNodesAsync(token);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(context.Out, list);
            }
            else
            {
                await context.Out.WriteAsync(Table(list));
            }

            return CliExitCodes.Success;
        }, cancellationToken));
        return nodes;
    }

    /// <summary>One aligned row per node.</summary>
    public static string Table(IReadOnlyList<NodeStatus> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var rows = new List<string[]> { new[] { "NODE", "ONLINE", "ENGINE", "CPUS FREE/TOTAL", "MEMORY MB FREE/TOTAL", "SLOTS FREE/TOTAL", "RUNNING", "IMAGES" } };
        rows.AddRange(nodes.Select(n => new[]
        {
            n.Node,
            n.Online ? "yes" : "no",
            n.EngineAvailable ? "up" : "down",
            $"{Number(n.Free.Cpus)}/{Number(n.Capacity.Cpus)}",
            $"{Number(n.Free.MemoryMb)}/{Number(n.Capacity.MemoryMb)}",
            $"{Number(n.Free.Slots)}/{Number(n.Capacity.Slots)}",
            Number(n.Running.Count),
            n.Images.Count == 0 ? "-" : string.Join(",", n.Images),
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        if (nodes.Count == 0)
        {
            text.AppendLine("(no executor nodes have reported)");
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
