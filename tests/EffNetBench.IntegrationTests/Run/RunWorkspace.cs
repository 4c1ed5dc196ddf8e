using EffNetBench.Core.Zoo;
using EffNetBench.IntegrationTests.Cli;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>A temporary folder with tiny models, a run folder path and a private model cache, deleted afterwards.</summary>
internal sealed class RunWorkspace : IDisposable
{
    public RunWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("effnet-bench-run-").FullName;
        Out = Path.Combine(Root, "out");
        Cache = Path.Combine(Root, "cache");
    }

    public string Root { get; }

    /// <summary>The run folder; not created beforehand, so a test can tell whether the tool created it.</summary>
    public string Out { get; }

    /// <summary>The generated-model cache, so no test writes to the user's cache.</summary>
    public string Cache { get; }

    /// <summary>A small EfficientNet (about 0.1 ms per inference at the defaults) saved as <paramref name="name"/>.onnx.</summary>
    /// <param name="batch">Null exports a dynamic batch dimension.</param>
    public string TinyModel(string name, int? batch = null, double width = 0.25, double depth = 0.1, int resolution = 32)
    {
        string path = Path.Combine(Root, name + ".onnx");
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(width, depth, resolution), new ExportOptions(Batch: batch)), path);
        return path;
    }

    /// <summary>input float [1,4] -> Sqrt -> output float [1,4]: the engine's inputs in [-1, 1) make it NaN.</summary>
    public string SqrtModel(string name) => SingleNodeModel(name, "Sqrt", [1, 4], [1, 4]);

    /// <summary>One float input -> one <paramref name="opType"/> node -> one float output, opset 17, saved as
    /// <paramref name="name"/>.onnx.</summary>
    public string SingleNodeModel(string name, string opType, long[] inputDims, long[] outputDims, string input = "x", string output = "y")
    {
        var graph = new GraphProto { Name = name };
        graph.Input.Add(FloatTensor(input, inputDims));
        graph.Output.Add(FloatTensor(output, outputDims));
        var node = new NodeProto { Name = name, OpType = opType };
        node.Input.Add(input);
        node.Output.Add(output);
        graph.Node.Add(node);

        var model = new ModelProto { IrVersion = 8, ProducerName = "effnet-bench-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        string path = Path.Combine(Root, name + ".onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    /// <summary>`run` in-process with --preset quick, --out, --cache-dir and --providers cpu, unless given.</summary>
    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var all = new List<string> { "run" };
        all.AddRange(args);
        AddUnless(all, "--preset", "quick");
        AddUnless(all, "--out", Out);
        AddUnless(all, "--cache-dir", Cache);
        AddUnless(all, "--providers", "cpu");
        return CliRunner.Run([.. all]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing a file; the temp folder is cleaned by the OS eventually.
        }
    }

    private static void AddUnless(List<string> args, string option, string value)
    {
        if (!args.Contains(option))
        {
            args.Add(option);
            args.Add(value);
        }
    }

    private static ValueInfoProto FloatTensor(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } },
        };
    }
}
