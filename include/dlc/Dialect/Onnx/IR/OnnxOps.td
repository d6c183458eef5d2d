//===- OnnxOps.td - the onnx dialect -----------------------*- tablegen -*-===//
//
// The onnx dialect is what the importer produces: one generic op per ONNX
// node, carrying the op type, its domain's opset version and the node's
// attributes. Conversion to prim is a table keyed by op type and version.
//
//===----------------------------------------------------------------------===//

#ifndef DLC_ONNX_OPS
#define DLC_ONNX_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Onnx_Dialect : Dialect {
  let name = "onnx";
  let cppNamespace = "::dlc::onnx";
  let summary = "ONNX graphs as imported, one generic op per node";
  let description = [{
    The `onnx` dialect holds an ONNX graph exactly as the model file states
    it. Every node becomes one `onnx.node` op; its results have type
    `!onnx.value` until `convert-onnx-to-prim` gives them real tensor types.
    Graph inputs are function arguments and initializers are
    `arith.constant` ops holding `dense_resource` blobs.
  }];
  let useDefaultTypePrinterParser = 1;
}

class Onnx_Type<string name, string typeMnemonic> : TypeDef<Onnx_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Onnx_ValueType : Onnx_Type<"Value", "value"> {
  let summary = "an ONNX value whose tensor type is not known yet";
}

class Onnx_Op<string mnemonic, list<Trait> traits = []>
    : Op<Onnx_Dialect, mnemonic, traits>;

def Onnx_NodeOp : Onnx_Op<"node"> {
  let summary = "one ONNX node";
  let description = [{
    A node of the ONNX graph. `op_type`, `domain` and `version` (the opset
    version the model imports for that domain) select the conversion rule;
    `attrs` holds the node's ONNX attributes: ints as i64, floats as f32,
    strings, tensors as elements attributes, lists as arrays.
    An absent optional input is the result of `onnx.none`.

    Example:
    ```mlir
    %1 = onnx.node "Relu"(%0) {domain = "", version = 17 : i64,
                                node_name = "relu0", attrs = {}}
         : (tensor<1x8xf32>) -> !onnx.value
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$inputs, StrAttr:$op_type,
                       StrAttr:$domain, I64Attr:$version, StrAttr:$node_name,
                       DictionaryAttr:$attrs);
  let results = (outs Variadic<AnyType>:$outputs);
  let assemblyFormat = [{
    $op_type `(` $inputs `)` attr-dict `:` functional-type($inputs, $outputs)
  }];
}

def Onnx_NoneOp : Onnx_Op<"none", [Pure]> {
  let summary = "an absent optional input";
  let results = (outs NoneType:$result);
  let assemblyFormat = "attr-dict";
}

#endif // DLC_ONNX_OPS
