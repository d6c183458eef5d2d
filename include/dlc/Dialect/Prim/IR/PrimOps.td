//===- PrimOps.td - the prim dialect -----------------------*- tablegen -*-===//
//
// prim is dlc's small, closed set of tensor primitives. Every ONNX op is
// decomposed into these; nothing below prim sees an ONNX op. All ops work on
// ranked tensors and accept dynamic (`?`) dimensions in their types.
//
//===----------------------------------------------------------------------===//

#ifndef DLC_PRIM_OPS
#define DLC_PRIM_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Prim_Dialect : Dialect {
  let name = "prim";
  let cppNamespace = "::dlc::prim";
  let summary = "dlc's tensor primitives";
  let description = [{
    About thirty primitives that every ONNX op decomposes into: elementwise
    math, compare and select, cast, broadcast, reshape, transpose, slice,
    pad, concat, reductions, windowed reductions, batched matmul and
    convolution. Shapes are explicit: binary elementwise ops take operands of
    one type, broadcasting is a separate `prim.broadcast_in_dim`.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Prim_ReduceKind : I32EnumAttr<"ReduceKind", "reduction combiner", [
    I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"max", 1>,
    I32EnumAttrCase<"min", 2>, I32EnumAttrCase<"prod", 3>,
    I32EnumAttrCase<"argmax", 4>, I32EnumAttrCase<"argmin", 5>]> {
  let cppNamespace = "::dlc::prim";
  let genSpecializedAttr = 0;
}
def Prim_ReduceKindAttr : EnumAttr<Prim_Dialect, Prim_ReduceKind, "reduce_kind">;

def Prim_CompareDirection : I32EnumAttr<"CompareDirection", "comparison", [
    I32EnumAttrCase<"eq", 0>, I32EnumAttrCase<"ne", 1>,
    I32EnumAttrCase<"lt", 2>, I32EnumAttrCase<"le", 3>,
    I32EnumAttrCase<"gt", 4>, I32EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::dlc::prim";
  let genSpecializedAttr = 0;
}
def Prim_CompareDirectionAttr
    : EnumAttr<Prim_Dialect, Prim_CompareDirection, "compare">;

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

class Prim_Op<string mnemonic, list<Trait> traits = []>
    : Op<Prim_Dialect, mnemonic, traits>;

def Prim_Tensor : RankedTensorOf<[AnyFloat, AnySignlessInteger, AnyUnsignedInteger]>;
def Prim_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Prim_IntegerTensor
    : RankedTensorOf<[AnySignlessInteger, AnyUnsignedInteger]>;

// `why` says, where it is not plain, why no composition of other prims
// serves.
class Prim_UnaryOp<string mnemonic, string what, Type type = Prim_Tensor,
                   string why = "">
    : Prim_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "elementwise " # what;
  let description = "Computes " # what # " of every element." # why # "\n\n"
    # "```mlir\n%r = prim." # mnemonic # " %x : tensor<2x?xf32>\n```";
  let arguments = (ins type:$operand);
  let results = (outs type:$result);
  let assemblyFormat = "$operand attr-dict `:` type($result)";
}

class Prim_BinaryOp<string mnemonic, string what, Type type = Prim_Tensor,
                    string why = "">
    : Prim_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "elementwise " # what;
  let description = "Computes " # what # " of two tensors of one type."
    # why # "\n\n"
    # "```mlir\n%r = prim." # mnemonic # " %a, %b : tensor<4xf32>\n```";
  let arguments = (ins type:$lhs, type:$rhs);
  let results = (outs type:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

def Prim_NegOp : Prim_UnaryOp<"neg", "the negation">;
def Prim_AbsOp : Prim_UnaryOp<"abs", "the absolute value">;
def Prim_SqrtOp : Prim_UnaryOp<"sqrt", "the square root", Prim_FloatTensor>;
def Prim_ExpOp : Prim_UnaryOp<"exp", "e raised to the element", Prim_FloatTensor>;
def Prim_LogOp : Prim_UnaryOp<"log", "the natural logarithm", Prim_FloatTensor>;
def Prim_TanhOp : Prim_UnaryOp<"tanh", "the hyperbolic tangent", Prim_FloatTensor>;
def Prim_ErfOp : Prim_UnaryOp<"erf", "the error function", Prim_FloatTensor>;

defvar Prim_RoundingWhy = " No composition of prims rounds: converting to an "
  # "integer truncates toward zero, and overflows where floats have no "
  # "fraction left.";
def Prim_FloorOp : Prim_UnaryOp<"floor", "the largest integral value not "
  # "above the element", Prim_FloatTensor, Prim_RoundingWhy>;
def Prim_CeilOp : Prim_UnaryOp<"ceil", "the smallest integral value not "
  # "below the element", Prim_FloatTensor, Prim_RoundingWhy>;
def Prim_RoundEvenOp : Prim_UnaryOp<"round_even", "the nearest integral "
  # "value, halfway cases to even", Prim_FloatTensor, Prim_RoundingWhy>;

// Trigonometric and hyperbolic functions. tan is sin / cos and asin and acos
// are built from atan (see onnx-to-prim); the others have no accurate
// composition of prims.
defvar Prim_TrigWhy = " No composition of prims computes it (exp and log "
  # "give no periodic or inverse trigonometric functions over the reals).";
def Prim_SinOp : Prim_UnaryOp<"sin", "the sine", Prim_FloatTensor,
                              Prim_TrigWhy>;
def Prim_CosOp : Prim_UnaryOp<"cos", "the cosine", Prim_FloatTensor,
                              Prim_TrigWhy>;
def Prim_AtanOp : Prim_UnaryOp<"atan", "the arctangent", Prim_FloatTensor,
                               Prim_TrigWhy>;
def Prim_SinhOp : Prim_UnaryOp<"sinh", "the hyperbolic sine",
  Prim_FloatTensor, " (e^x - e^-x) / 2 cancels near 0, losing every digit.">;
def Prim_CoshOp : Prim_UnaryOp<"cosh", "the hyperbolic cosine",
  Prim_FloatTensor, " (e^x + e^-x) / 2 overflows where cosh does not "
  # "(e^x passes the largest float first).">;
def Prim_AsinhOp : Prim_UnaryOp<"asinh", "the inverse hyperbolic sine",
  Prim_FloatTensor, " log(x + sqrt(x^2 + 1)) cancels for negative x and "
  # "loses precision near 0.">;
def Prim_AcoshOp : Prim_UnaryOp<"acosh", "the inverse hyperbolic cosine",
  Prim_FloatTensor, " log(x + sqrt(x^2 - 1)) loses precision near 1 and "
  # "overflows in x^2 for large x.">;
def Prim_AtanhOp : Prim_UnaryOp<"atanh", "the inverse hyperbolic tangent",
  Prim_FloatTensor, " log((1 + x) / (1 - x)) / 2 loses precision near 0.">;

def Prim_AddOp : Prim_BinaryOp<"add", "the sum">;
def Prim_SubOp : Prim_BinaryOp<"sub", "the difference">;
def Prim_MulOp : Prim_BinaryOp<"mul", "the product">;
def Prim_DivOp : Prim_BinaryOp<"div", "the quotient (integers round toward zero, x / 0 = 0, and MIN / -1 wraps)">;
def Prim_MaxOp : Prim_BinaryOp<"max", "the maximum (NaN if either is NaN)">;
def Prim_MinOp : Prim_BinaryOp<"min", "the minimum (NaN if either is NaN)">;
def Prim_PowOp : Prim_BinaryOp<"pow", "lhs raised to the power rhs">;
def Prim_RemOp : Prim_BinaryOp<"rem", "the remainder of lhs / rhs rounded "
  # "toward zero, with the sign of lhs (C's fmod; integers: x rem 0 = 0, "
  # "as numpy, and MIN rem -1 = 0)", Prim_Tensor, " For floats, lhs - "
  # "rhs * trunc(lhs / rhs) is inexact once the quotient outgrows the "
  # "mantissa; the remainder itself is always exact.">;

// Bitwise logic on integers (i1 included: bool logic). On wider integers
// no composition of arithmetic prims gives a bit of the result short of one
// division and remainder per bit.
defvar Prim_BitwiseWhy = " Arithmetic prims compose it only bit by bit.";
def Prim_AndOp : Prim_BinaryOp<"and", "the bitwise and", Prim_IntegerTensor,
                               Prim_BitwiseWhy>;
def Prim_OrOp : Prim_BinaryOp<"or", "the bitwise or", Prim_IntegerTensor,
                              Prim_BitwiseWhy>;
def Prim_XorOp : Prim_BinaryOp<"xor", "the bitwise exclusive or",
                               Prim_IntegerTensor, Prim_BitwiseWhy>;
def Prim_NotOp : Prim_UnaryOp<"not", "the bitwise complement",
                              Prim_IntegerTensor, Prim_BitwiseWhy>;

def Prim_CompareOp : Prim_Op<"compare", [Pure, Elementwise, SameTypeOperands,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "elementwise comparison giving i1";
  let description = [{
    ```mlir
    %m = prim.compare lt, %a, %b : tensor<4xf32>
    ```
    Floats compare ordered (any comparison with NaN is false), except `ne`,
    which is unordered.
  }];
  let arguments = (ins Prim_CompareDirectionAttr:$direction, Prim_Tensor:$lhs,
                       Prim_Tensor:$rhs);
  let results = (outs RankedTensorOf<[I1]>:$result);
  let assemblyFormat = [{
    $direction `,` $lhs `,` $rhs attr-dict `:` type($lhs)
  }];
}

def Prim_SelectOp : Prim_Op<"select", [Pure, Elementwise,
    AllTypesMatch<["on_true", "on_false", "result"]>]> {
  let summary = "elementwise choice";
  let description = [{
    `result[i] = cond[i] ? on_true[i] : on_false[i]`; all shapes equal.
    ```mlir
    %r = prim.select %m, %a, %b : tensor<4xi1>, tensor<4xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I1]>:$cond, Prim_Tensor:$on_true,
                       Prim_Tensor:$on_false);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $cond `,` $on_true `,` $on_false attr-dict `:` type($cond) `,` type($result)
  }];
  let hasVerifier = 1;
}

def Prim_ConvertOp : Prim_Op<"convert", [Pure, Elementwise]> {
  let summary = "elementwise cast to another element type";
  let description = [{
    Casts each element. float→int truncates toward zero, int→i1 and float→i1
    test for non-zero, i1→number gives 0 or 1.
    ```mlir
    %r = prim.convert %x : (tensor<4xf32>) -> tensor<4xi64>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` functional-type($operand, $result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Shape and layout
//===----------------------------------------------------------------------===//

def Prim_BroadcastInDimOp : Prim_Op<"broadcast_in_dim", [Pure]> {
  let summary = "broadcast to a larger shape";
  let description = [{
    Dimension `i` of the operand becomes dimension `dims[i]` of the result;
    `dims` is strictly increasing, and each operand dim is 1 or equal to the
    result dim it maps to. The result's dynamic dims take their run-time
    sizes from `sizes` (one index per `?` of the result, in order) or, when
    `sizes` is empty, from the dynamic operand dims mapped to them. A
    dynamic operand dim is never broadcast (the lowering checks at run time
    that it has the result's size). The sizes are operands because a
    splat or a broadcast to a shape known only at run time has no other
    source for them (StableHLO's dynamic_broadcast_in_dim is the model).
    ```mlir
    %r = prim.broadcast_in_dim %b {dims = array<i64: 1>}
         : (tensor<8xf32>) -> tensor<4x8xf32>
    %n = prim.dim %x {dim = 0} : tensor<?x8xf32>
    %s = prim.broadcast_in_dim %zero sizes(%n) {dims = array<i64>}
         : (tensor<f32>) -> tensor<?x8xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, Variadic<Index>:$sizes,
                       DenseI64ArrayAttr:$dims);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $operand (`sizes` `(` $sizes^ `)`)? attr-dict `:`
    functional-type($operand, $result)
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Type":$type, "::mlir::Value":$operand,
                   "::mlir::DenseI64ArrayAttr":$dims), [{
      build($_builder, $_state, type, operand, ::mlir::ValueRange(), dims);
    }]>
  ];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_DimOp : Prim_Op<"dim", [Pure]> {
  let summary = "the run-time size of one dimension";
  let description = [{
    The size of dimension `dim` of the operand, as an index. A static dim
    folds to a constant, so static shapes cost nothing. This is how prim
    reads shapes at run time: no composition of tensor ops yields a size.
    ```mlir
    %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, I64Attr:$dim);
  let results = (outs Index:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_FromSizesOp : Prim_Op<"from_sizes", [Pure]> {
  let summary = "an integer tensor holding run-time sizes";
  let description = [{
    A 1-D integer tensor (or a 0-D one of one size) whose elements are the
    index operands. This is how a shape becomes data (ONNX's Shape, Size):
    sizes are index values, and no composition of tensor ops turns an index
    into an element. Constant operands fold to a constant tensor, and ops
    reading shapes (reshape, broadcast, iota sizes) take the operands
    themselves, so shape arithmetic on static dims costs nothing.
    ```mlir
    %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
    %s = prim.from_sizes %n, %c3 : tensor<2xi64>
    ```
  }];
  let arguments = (ins Variadic<Index>:$sizes);
  let results = (outs RankedTensorOf<[AnySignlessInteger]>:$result);
  let assemblyFormat = "$sizes attr-dict `:` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_SizeAtOp : Prim_Op<"size_at", [Pure]> {
  let summary = "an element of an integer tensor, as a size";
  let description = [{
    Element `index` of a 1-D (or 0-D) integer tensor as an index value: the
    way back from data to sizes, for shapes computed at run time (a Reshape
    whose shape is a graph input). Folds to the element of a constant or of
    a prim.from_sizes. Negative elements are the consumer's to check.
    ```mlir
    %n = prim.size_at %shape {index = 1} : tensor<3xi64>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnySignlessInteger]>:$operand,
                       I64Attr:$index);
  let results = (outs Index:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_IotaOp : Prim_Op<"iota", [Pure]> {
  let summary = "0, 1, 2, … along one dimension";
  let description = [{
    Element `i` along dimension `dim` is `i` (converted to the element
    type), the same across the other dims; dynamic dims take their sizes
    from `sizes`. A primitive because the values depend on the position,
    which no elementwise prim sees (ONNX's Range is start + iota * delta).
    ```mlir
    %r = prim.iota sizes(%n) {dim = 0} : tensor<?xi64>
    ```
  }];
  let arguments = (ins Variadic<Index>:$sizes, I64Attr:$dim);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "(`sizes` `(` $sizes^ `)`)? attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Prim_GatherOp : Prim_Op<"gather", [Pure]> {
  let summary = "select slices along a dimension by index";
  let description = [{
    ONNX Gather: the result is `operand` with dimension `axis` replaced by
    the dims of `indices`, `result[p…, i…, q…] = operand[p…, indices[i…],
    q…]`. Indices are clamped into `[0, size)` (negative ones are wrapped by
    the producer, as ONNX specifies): an index out of range never reads
    outside the operand. A primitive because the position read depends on
    data, which no other prim expresses (GatherND is composed from it).
    ```mlir
    %r = prim.gather %table, %ids {axis = 0}
         : (tensor<1000x64xf32>, tensor<?x?xi64>) -> tensor<?x?x64xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand,
                       RankedTensorOf<[AnySignlessInteger]>:$indices,
                       I64Attr:$axis);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` $indices attr-dict `:` functional-type(operands, $result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_DynamicSliceOp : Prim_Op<"dynamic_slice", [Pure, AttrSizedOperandSegments]> {
  let summary = "strided slice with run-time starts and sizes";
  let description = [{
    Takes `sizes` elements (the result's dims: static from its type, the
    dynamic ones from `sizes`, in order) starting at `starts[i]` with
    stride `strides[i]` (positive) in each dimension. The producer clamps
    starts and sizes into the operand (ONNX Slice's rules), so a slice
    never reads outside it. `prim.slice` is the static form; this one
    serves bounds known only at run time (a slice to a sequence length).
    ```mlir
    %r = prim.dynamic_slice %x starts(%c0, %s) sizes(%n) {strides = array<i64: 1, 1>}
         : (tensor<1x128xi64>) -> tensor<1x?xi64>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, Variadic<Index>:$starts,
                       Variadic<Index>:$sizes, DenseI64ArrayAttr:$strides);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $operand `starts` `(` $starts `)` (`sizes` `(` $sizes^ `)`)? attr-dict `:`
    functional-type($operand, $result)
  }];
  let hasVerifier = 1;
}

def Prim_ReshapeOp : Prim_Op<"reshape", [Pure]> {
  let summary = "same elements in row-major order, another shape";
  let description = [{
    The result's dynamic dims take their run-time sizes from `sizes` (one
    index per `?` of the result, in order); the lowering checks at run time
    that the element count does not change. The sizes are operands because
    a reshape's result sizes are in general computed (a `-1` dim of ONNX's
    Reshape, a flatten of dynamic dims) and no other prim yields them.
    ```mlir
    %r = prim.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
    %f = prim.reshape %y sizes(%n) : (tensor<?x4x2xf32>) -> tensor<?x8xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, Variadic<Index>:$sizes);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $operand (`sizes` `(` $sizes^ `)`)? attr-dict `:`
    functional-type($operand, $result)
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Type":$type, "::mlir::Value":$operand), [{
      build($_builder, $_state, type, operand, ::mlir::ValueRange());
    }]>
  ];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prim_TransposeOp : Prim_Op<"transpose", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "permute dimensions";
  let description = [{
    Result dimension `i` is operand dimension `permutation[i]`.
    ```mlir
    %r = prim.transpose %x {permutation = array<i64: 1, 0>}
         : (tensor<2x3xf32>) -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, DenseI64ArrayAttr:$permutation);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` functional-type($operand, $result)";
  let hasFolder = 1;
}

def Prim_SliceOp : Prim_Op<"slice", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "strided static slice";
  let description = [{
    Takes elements `start[i], start[i] + strides[i], …` below `limit[i]` in
    each dimension (strides positive, 0 <= start <= limit <= size).
    ```mlir
    %r = prim.slice %x {start = array<i64: 0, 1>, limit = array<i64: 2, 3>,
                        strides = array<i64: 1, 1>}
         : (tensor<2x3xf32>) -> tensor<2x2xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, DenseI64ArrayAttr:$start,
                       DenseI64ArrayAttr:$limit, DenseI64ArrayAttr:$strides);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` functional-type($operand, $result)";
}

def Prim_PadOp : Prim_Op<"pad", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "pad with a constant";
  let description = [{
    Adds `low[i]` and `high[i]` elements (non-negative) around dimension `i`,
    filled with `value`.
    ```mlir
    %r = prim.pad %x {low = array<i64: 1>, high = array<i64: 2>,
                      value = 0.0 : f32} : (tensor<3xf32>) -> tensor<6xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, DenseI64ArrayAttr:$low,
                       DenseI64ArrayAttr:$high, TypedAttrInterface:$value);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` functional-type($operand, $result)";
}

def Prim_ConcatOp : Prim_Op<"concat", [Pure, SameOperandsElementType,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "join tensors along a dimension";
  let description = [{
    ```mlir
    %r = prim.concat %a, %b {dim = 0 : i64}
         : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
    ```
  }];
  let arguments = (ins Variadic<Prim_Tensor>:$inputs, I64Attr:$dim);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$inputs attr-dict `:` functional-type($inputs, $result)";
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def Prim_ReduceOp : Prim_Op<"reduce", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "reduce dimensions away";
  let description = [{
    Combines the elements along `dims` (sorted, unique) with `kind`; those
    dimensions disappear from the result.

    `argmax` and `argmin` reduce one dim and give, as i64, the position
    along it of the extreme element: the first one, or the last with
    `select_last`. The first element starts the search and a later one
    replaces the current one when it compares greater (less), or equal too
    with `select_last`, in ordered comparisons: a NaN is never chosen, but
    one in first place stays (onnxruntime's rule). They are primitives
    because no composition of prims yields a position from values in one
    pass: a max reduction keeps the value and loses where it was, and
    finding it again (compare with the maximum, select iota, min-reduce)
    reads the operand twice and finds nothing for a NaN maximum.
    ```mlir
    %r = prim.reduce sum %x {dims = array<i64: 1>}
         : (tensor<2x3xf32>) -> tensor<2xf32>
    %i = prim.reduce argmax %x {dims = array<i64: 1>, select_last}
         : (tensor<2x3xf32>) -> tensor<2xi64>
    ```
  }];
  let arguments = (ins Prim_ReduceKindAttr:$kind, Prim_Tensor:$operand,
                       DenseI64ArrayAttr:$dims, UnitAttr:$select_last);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $kind $operand attr-dict `:` functional-type($operand, $result)
  }];
}

def Prim_ReduceWindowOp : Prim_Op<"reduce_window", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "sliding-window reduction (pooling)";
  let description = [{
    For every window position, combines `window[i]` elements of each
    dimension (spaced by `dilations[i]`) with `kind`; windows start every
    `strides[i]` elements. No padding: pad first with `prim.pad`.
    Result dim `i` is `(size - dilations*(window-1) - 1) / strides + 1`.
    `argmax` gives, as i64, the row-major linear index into `operand` of the
    window's first maximal element (MaxPool's Indices); there is no `argmin`
    window.
    ```mlir
    %r = prim.reduce_window max %x {window = array<i64: 1, 1, 2, 2>,
           strides = array<i64: 1, 1, 2, 2>, dilations = array<i64: 1, 1, 1, 1>}
         : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins Prim_ReduceKindAttr:$kind, Prim_Tensor:$operand,
                       DenseI64ArrayAttr:$window, DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$dilations);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $kind $operand attr-dict `:` functional-type($operand, $result)
  }];
}

//===----------------------------------------------------------------------===//
// Scans
//===----------------------------------------------------------------------===//

def Prim_CumsumOp : Prim_Op<"cumsum", [Pure, SameOperandsAndResultType]> {
  let summary = "running sum along a dimension";
  let description = [{
    Element `i` along dimension `dim` is the sum of the operand's elements
    `0..i` there (`exclusive`: `0..i-1`, 0 for the first; `reverse`: from
    the end, `i..n-1`). A primitive because each element depends on every
    earlier one along the dimension: elementwise prims see one position and
    reductions remove the dimension, so a composition costs O(n²) (a matmul
    with a triangular matrix of ones) or log n shifted adds over static
    sizes only. Lowered to a loop over the dimension carrying the running
    sum of the slices, O(n) and vectorized across the other dims.
    ```mlir
    %r = prim.cumsum %x {dim = 1 : i64, exclusive, reverse} : tensor<2x?xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$operand, I64Attr:$dim,
                       UnitAttr:$exclusive, UnitAttr:$reverse);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

def Prim_MatmulOp : Prim_Op<"matmul", [Pure, SameOperandsElementType,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "batched matrix multiply";
  let description = [{
    Operands of equal rank >= 2 with equal leading (batch) dims:
    `[B…, M, K] x [B…, K, N] -> [B…, M, N]`.
    ```mlir
    %r = prim.matmul %a, %b : (tensor<4x8xf32>, tensor<8x2xf32>) -> tensor<4x2xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$lhs, Prim_Tensor:$rhs);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, $result)
  }];
}

def Prim_ConvOp : Prim_Op<"conv", [Pure, SameOperandsElementType,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "grouped 1-D to 3-D convolution, channels-first";
  let description = [{
    `input` is `[N, C, S...]`, `filter` is `[F, C/groups, K...]` with one to
    three spatial dims, the result `[N, F, O...]` with
    `O = (S - dilation*(K-1) - 1) / stride + 1` per spatial dim.
    No padding: pad the input first with `prim.pad`.
    ```mlir
    %r = prim.conv %x, %w {strides = array<i64: 1, 1>,
                           dilations = array<i64: 1, 1>, groups = 1 : i64}
         : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
    ```
  }];
  let arguments = (ins Prim_Tensor:$input, Prim_Tensor:$filter,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                       I64Attr:$groups);
  let results = (outs Prim_Tensor:$result);
  let assemblyFormat = [{
    $input `,` $filter attr-dict `:` functional-type(operands, $result)
  }];
}

#endif // DLC_PRIM_OPS
