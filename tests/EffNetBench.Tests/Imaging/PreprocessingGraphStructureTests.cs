using EffNetBench.Core.Imaging;
using EffNetBench.Core.Zoo;
using Onnx;

namespace EffNetBench.Tests.Imaging;

/// <summary>How the preprocessing graph is put in front of a model (no ONNX Runtime: the graphs' structure).</summary>
public sealed class PreprocessingGraphStructureTests
{
    private static ModelProto Tiny(int? batch = 1) =>
        EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions(Batch: batch));

    [Fact]
    public void Composing_feeds_the_models_input_from_image_bytes_and_keeps_the_model_as_it_was()
    {
        ModelProto model = Tiny();
        NodeProto[] modelNodes = [.. model.Graph.Node.Select(n => n.Clone())];
        ValueInfoProto[] outputs = [.. model.Graph.Output.Select(o => o.Clone())];
        int initializers = model.Graph.Initializer.Count;

        ModelProto composed = PreprocessingGraph.Compose(model, Preprocessing.ForZooVariant("b0"));
        GraphProto g = composed.Graph;

        ValueInfoProto input = Assert.Single(g.Input);
        Assert.Equal(PreprocessingGraph.InputName, input.Name);
        Assert.Equal((int)TensorProto.Types.DataType.Uint8, input.Type.TensorType.ElemType);
        Assert.Equal("encoded_bytes", Assert.Single(input.Type.TensorType.Shape.Dim).DimParam);
        Assert.Equal(outputs, g.Output);
        Assert.Equal(modelNodes, g.Node.Skip(g.Node.Count - modelNodes.Length));
        // The zoo's opset 17 is raised to 18 for Resize's antialias; its ops (Conv, BatchNormalization, Sigmoid, Mul,
        // Add, Clip, GlobalAveragePool, Flatten, Gemm) mean the same in both.
        Assert.Equal([(string.Empty, 18L), (PreprocessingGraph.ExtensionsDomain, 1L)], composed.OpsetImport.Select(o => (o.Domain, o.Version)));

        NodeProto[] pre = [.. g.Node.Take(g.Node.Count - modelNodes.Length)];
        NodeProto decode = pre[0];
        Assert.Equal((PreprocessingGraph.DecodeOp, PreprocessingGraph.ExtensionsDomain), (decode.OpType, decode.Domain));
        Assert.Equal([PreprocessingGraph.InputName], decode.Input);
        Assert.Equal("rgb", Assert.Single(decode.Attribute, a => a.Name == "color_space").S.ToStringUtf8());
        Assert.All(pre, n => Assert.True(n.Output.All(o => o.StartsWith(PreprocessingGraph.Prefix, StringComparison.Ordinal)) || n == pre[^1], n.Name));
        Assert.Equal(ExportOptions.InputName, Assert.Single(pre[^1].Output)); // the last step writes the model's input
        Assert.Equal("Add", pre[^1].OpType); // NCHW: normalising is the last step, no transpose
        Assert.Equal(initializers, g.Initializer.Count(t => !t.Name.StartsWith(PreprocessingGraph.Prefix, StringComparison.Ordinal)));

        NodeProto resize = Assert.Single(pre, n => n.OpType == "Resize");
        Assert.Equal(
            [("coordinate_transformation_mode", "half_pixel"), ("mode", "cubic")],
            resize.Attribute.Where(a => a.Type == AttributeProto.Types.AttributeType.String).Select(a => (a.Name, a.S.ToStringUtf8())));
        Assert.Equal(-0.5f, Assert.Single(resize.Attribute, a => a.Name == "cubic_coeff_a").F);
        Assert.Equal(0, Assert.Single(resize.Attribute, a => a.Name == "exclude_outside").I);
        Assert.Equal(1, Assert.Single(resize.Attribute, a => a.Name == "antialias").I); // PIL widens the kernel when shrinking
    }

    [Fact]
    public void An_nhwc_model_gets_its_layout_and_others_are_refused_with_the_reason()
    {
        ModelProto nhwc = Tiny();
        var dims = nhwc.Graph.Input[0].Type.TensorType.Shape.Dim;
        (dims[1].DimValue, dims[3].DimValue) = (32, 3);
        ModelProto composed = PreprocessingGraph.Compose(nhwc, Preprocessing.ForZooVariant("b0"));
        NodeProto last = composed.Graph.Node.Single(n => n.Output.Contains(ExportOptions.InputName));
        Assert.Equal("Transpose", last.OpType);
        Assert.Equal([0L, 2, 3, 1], Assert.Single(last.Attribute).Ints);
        Assert.Equal(TensorLayout.Nhwc, PreprocessingGraph.FindImageInput(nhwc).Layout);

        ModelProto old = Tiny();
        old.OpsetImport[0].Version = 12;
        Assert.Equal("the model imports ONNX opset 12; the in-graph preprocessing needs opset 13 or later",
            Assert.Throws<NotSupportedException>(() => PreprocessingGraph.Compose(old, Preprocessing.ForZooVariant("b0"))).Message);

        ModelProto batch4 = Tiny(batch: 4);
        Assert.Equal("the model's input 'input' is [4,3,32,32]: end-to-end needs batch 1 (or dynamic), 3 channels and a fixed square size",
            Assert.Throws<NotSupportedException>(() => PreprocessingGraph.Compose(batch4, Preprocessing.ForZooVariant("b0"))).Message);

        ModelProto twoInputs = Tiny();
        twoInputs.Graph.Input.Add(twoInputs.Graph.Input[0].Clone());
        twoInputs.Graph.Input[1].Name = "mask";
        Assert.Equal("the model has 2 inputs; end-to-end feeds one image input",
            Assert.Throws<NotSupportedException>(() => PreprocessingGraph.Compose(twoInputs, Preprocessing.ForZooVariant("b0"))).Message);
    }

    [Fact]
    public void Raising_a_model_to_opset_18_moves_reduce_axes_to_inputs_and_refuses_what_changed_meaning()
    {
        ModelProto model = Tiny();
        var mean = new NodeProto { OpType = "ReduceMean", Name = "pool" };
        mean.Input.Add("pooled_features");
        mean.Output.Add("means");
        mean.Attribute.Add(new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 2, 3 } });
        mean.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        var sum = new NodeProto { OpType = "ReduceSum", Name = "sum" }; // axes has been an input since opset 13
        sum.Input.Add("means");
        sum.Output.Add("total");
        model.Graph.Node.Add(mean);
        model.Graph.Node.Add(sum);

        ModelProto composed = PreprocessingGraph.Compose(model, Preprocessing.ForZooVariant("b0"));

        NodeProto converted = composed.Graph.Node.Single(n => n.Name == "pool");
        Assert.Equal(["pooled_features", PreprocessingGraph.Prefix + "opset18_axes_0"], converted.Input);
        Assert.Equal(["keepdims"], converted.Attribute.Select(a => a.Name));
        Assert.Equal([2L, 3], composed.Graph.Initializer.Single(t => t.Name == PreprocessingGraph.Prefix + "opset18_axes_0").Int64Data);
        Assert.Equal(["means"], composed.Graph.Node.Single(n => n.Name == "sum").Input);

        ModelProto ready = Tiny();
        ready.OpsetImport[0].Version = 18;
        Assert.Equal(18, PreprocessingGraph.Compose(ready, Preprocessing.ForZooVariant("b0")).OpsetImport[0].Version);

        ModelProto roi = Tiny();
        roi.OpsetImport[0].Version = 15;
        roi.Graph.Node.Add(new NodeProto { OpType = "RoiAlign", Name = "roi" });
        Assert.Equal("the model imports ONNX opset 15 and uses RoiAlign, whose default coordinates changed in opset 16; the in-graph preprocessing needs opset 18: export the model at opset 18",
            Assert.Throws<NotSupportedException>(() => PreprocessingGraph.Compose(roi, Preprocessing.ForZooVariant("b0"))).Message);
    }

    [Fact]
    public void Raising_a_model_to_opset_18_gives_an_equal_split_its_number_of_outputs()
    {
        ModelProto model = Tiny();
        var equal = new NodeProto { OpType = "Split", Name = "halves" }; // opset 13: equal parts from the outputs
        equal.Input.Add("pooled_features");
        equal.Output.Add(["left", "right"]);
        equal.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        var given = new NodeProto { OpType = "Split", Name = "sized" }; // an explicit split input means the same in 18
        given.Input.Add(["left", "sizes"]);
        given.Output.Add(["a", "b"]);
        model.Graph.Node.Add(equal);
        model.Graph.Node.Add(given);

        ModelProto composed = PreprocessingGraph.Compose(model, Preprocessing.ForZooVariant("b0"));

        AttributeProto count = composed.Graph.Node.Single(n => n.Name == "halves").Attribute.Single(a => a.Name == "num_outputs");
        Assert.Equal(2, count.I);
        Assert.DoesNotContain(composed.Graph.Node.Single(n => n.Name == "sized").Attribute, a => a.Name == "num_outputs");
    }

    [Fact]
    public void Names_the_model_already_uses_get_another_prefix()
    {
        ModelProto model = Tiny();
        model.Graph.Node[0].Output[0] = PreprocessingGraph.Prefix + "decoded_0";
        model.Graph.Node[1].Input[0] = PreprocessingGraph.Prefix + "decoded_0";

        ModelProto composed = PreprocessingGraph.Compose(model, Preprocessing.ForZooVariant("b0"));

        Assert.Equal("_" + PreprocessingGraph.Prefix + "decoded_0", composed.Graph.Node[0].Output[0]);
        Assert.Single(composed.Graph.Node, n => n.Output.Contains(PreprocessingGraph.Prefix + "decoded_0"));
    }

    [Fact]
    public void The_description_names_each_step()
    {
        Assert.Equal("resize 256 bicubic antialiased, crop 224, (x/255 - mean 0.485,0.456,0.406) / std 0.229,0.224,0.225, rgb nchw",
            PreprocessingGraph.Describe(Preprocessing.ForZooVariant("b0")));
        Assert.Equal("resize 384 bilinear antialiased, crop 384, (x - mean 128,128,128) / std 128,128,128, rgb nchw",
            PreprocessingGraph.Describe(Preprocessing.ForZooVariant("v2-s")));
    }
}
