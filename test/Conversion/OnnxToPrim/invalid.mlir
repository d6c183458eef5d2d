// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// Nodes convert-onnx-to-prim rejects, with "node 'N' (Op, opset V): reason".

//===----------------------------------------------------------------------===//
// Rule lookup
//===----------------------------------------------------------------------===//

func.func @unknown_op(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'foo0' (Foo, opset 17): dlc cannot compile this op type yet}}
  %0 = onnx.node "Foo"(%x) {attrs = {}, domain = "", node_name = "foo0", version = 17 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @erf_too_old(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'e' (Erf, opset 8): dlc supports this op from opset 9}}
  %0 = onnx.node "Erf"(%x) {attrs = {}, domain = "", node_name = "e", version = 8 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @layer_norm_too_old(%x: tensor<2x4xf32>, %s: tensor<4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'ln' (LayerNormalization, opset 16): dlc supports this op from opset 17}}
  %0 = onnx.node "LayerNormalization"(%x, %s) {attrs = {}, domain = "", node_name = "ln", version = 16 : i64} : (tensor<2x4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @hard_swish_too_old(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'hs' (HardSwish, opset 13): dlc supports this op from opset 14}}
  %0 = onnx.node "HardSwish"(%x) {attrs = {}, domain = "", node_name = "hs", version = 13 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @custom_domain(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (Gelu, opset 1): ops of domain 'com.microsoft' are not supported}}
  %0 = onnx.node "Gelu"(%x) {attrs = {}, domain = "com.microsoft", node_name = "g", version = 1 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unnamed_node(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node '<unnamed>' (Bar, opset 13): dlc cannot compile this op type yet}}
  %0 = onnx.node "Bar"(%x) {attrs = {}, domain = "", node_name = "", version = 13 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unranked_input(%x: tensor<*xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (Relu, opset 14): an input has type tensor<*xf32>, not a ranked tensor}}
  %0 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<*xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// The schema of the op's row, checked before its rule runs
//===----------------------------------------------------------------------===//

// -----

func.func @too_few_inputs(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 14): expects 2 inputs, has 1}}
  %0 = onnx.node "Add"(%x) {attrs = {}, domain = "", node_name = "a", version = 14 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @too_many_inputs(%x: tensor<4xf32>, %b: tensor<f32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Clip, opset 13): expects 1 to 3 inputs, has 4}}
  %0 = onnx.node "Clip"(%x, %b, %b, %b) {attrs = {}, domain = "", node_name = "c", version = 13 : i64} : (tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Bounds are attributes before opset 11: the row of opset 6 takes 1 input.
func.func @clip_opset6_bound_input(%x: tensor<4xf32>, %b: tensor<f32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Clip, opset 6): expects 1 input, has 2}}
  %0 = onnx.node "Clip"(%x, %b) {attrs = {}, domain = "", node_name = "c", version = 6 : i64} : (tensor<4xf32>, tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// C is optional only from opset 11.
func.func @gemm_opset9_without_c(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (Gemm, opset 9): expects 3 inputs, has 2}}
  %0 = onnx.node "Gemm"(%a, %b) {attrs = {}, domain = "", node_name = "g", version = 9 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @variadic_without_inputs() -> !onnx.value {
  // expected-error @+1 {{node 'c' (Concat, opset 13): expects at least 1 input, has 0}}
  %0 = onnx.node "Concat"() {attrs = {axis = 0 : i64}, domain = "", node_name = "c", version = 13 : i64} : () -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @constant_with_input(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Constant, opset 13): expects 0 inputs, has 1}}
  %0 = onnx.node "Constant"(%x) {attrs = {value = dense<1.0> : tensor<2xf32>}, domain = "", node_name = "c", version = 13 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @absent_required_input(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  %none = onnx.none
  // expected-error @+1 {{node 'c' (Conv, opset 11): input 1 is required}}
  %0 = onnx.node "Conv"(%x, %none) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, none) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @too_many_outputs(%x: tensor<2xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 'r' (Relu, opset 14): expects 1 output, has 2}}
  %0:2 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// From opset 14 BatchNormalization has 3 outputs, no saved statistics.
func.func @batch_norm_opset15_saved_mean(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 15): expects 1 to 3 outputs, has 4}}
  %0:4 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {}, domain = "", node_name = "bn", version = 15 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value)
  return %0#0 : !onnx.value
}

// -----

func.func @cast_without_to(%x: tensor<4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Cast, opset 13): attribute 'to' is required}}
  %0 = onnx.node "Cast"(%x) {attrs = {}, domain = "", node_name = "c", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @maxpool_without_kernel_shape(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 12): attribute 'kernel_shape' is required}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {}, domain = "", node_name = "p", version = 12 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// axis is required from opset 4.
func.func @concat_without_axis(%a: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Concat, opset 13): attribute 'axis' is required}}
  %0 = onnx.node "Concat"(%a, %a) {attrs = {}, domain = "", node_name = "c", version = 13 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @float_perm(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Transpose, opset 13): attribute 'perm' must be ints, got float}}
  %0 = onnx.node "Transpose"(%x) {attrs = {perm = 1.0 : f32}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @floats_perm(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Transpose, opset 13): attribute 'perm' must be ints, got floats}}
  %0 = onnx.node "Transpose"(%x) {attrs = {perm = array<f32: 1.0, 0.0>}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @int_alpha(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (LeakyRelu, opset 16): attribute 'alpha' must be float, got int}}
  %0 = onnx.node "LeakyRelu"(%x) {attrs = {alpha = 1 : i64}, domain = "", node_name = "l", version = 16 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Before opset 6, Cast names the type.
func.func @cast_opset5_code(%x: tensor<4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Cast, opset 5): attribute 'to' must be string, got int}}
  %0 = onnx.node "Cast"(%x) {attrs = {to = 1 : i64}, domain = "", node_name = "c", version = 5 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @constant_value_not_tensor() -> !onnx.value {
  // expected-error @+1 {{node 'c' (Constant, opset 13): attribute 'value' must be tensor, got ints}}
  %0 = onnx.node "Constant"() {attrs = {value = array<i64: 1, 2>}, domain = "", node_name = "c", version = 13 : i64} : () -> !onnx.value
  return %0 : !onnx.value
}

// -----

// An attribute of no kind the importer writes (hand-written IR).
func.func @i32_perm(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Transpose, opset 13): attribute 'perm' must be ints, got array<i32: 1, 0>}}
  %0 = onnx.node "Transpose"(%x) {attrs = {perm = array<i32: 1, 0>}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unknown_attribute(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Transpose, opset 13): unknown attribute 'axes'; Transpose takes perm}}
  %0 = onnx.node "Transpose"(%x) {attrs = {axes = array<i64: 1, 0>}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// From opset 7 the axis and broadcast attributes no longer exist.
func.func @add_opset7_axis(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 7): unknown attribute 'axis'; Add takes none}}
  %0 = onnx.node "Add"(%a, %b) {attrs = {axis = 0 : i64, broadcast = 1 : i64}, domain = "", node_name = "a", version = 7 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// From opset 13 (ReduceSum) and 18 (the others) axes is an input.
func.func @reduce_sum_opset13_axes_attribute(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceSum, opset 13): unknown attribute 'axes'; ReduceSum takes keepdims, noop_with_empty_axes}}
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1>}, domain = "", node_name = "r", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @squeeze_opset13_axes_attribute(%x: tensor<1x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Squeeze, opset 13): unknown attribute 'axes'; Squeeze takes none}}
  %0 = onnx.node "Squeeze"(%x) {attrs = {axes = array<i64: 0>}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

// -----

func.func @add_element_types(%a: tensor<2xf32>, %b: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 14): inputs have different element types}}
  %0 = onnx.node "Add"(%a, %b) {attrs = {}, domain = "", node_name = "a", version = 14 : i64} : (tensor<2xf32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @add_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 14): cannot broadcast dim 3 against 4 (result dim 1)}}
  %0 = onnx.node "Add"(%a, %b) {attrs = {}, domain = "", node_name = "a", version = 14 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @add_opset6_axis_does_not_fit(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 6): B does not fit A at axis 1}}
  %0 = onnx.node "Add"(%a, %b) {attrs = {axis = 1 : i64, broadcast = 1 : i64}, domain = "", node_name = "a", version = 6 : i64} : (tensor<2x3xf32>, tensor<3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @add_opset6_axis_out_of_range(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (Add, opset 6): axis 2 is out of range for rank 2}}
  %0 = onnx.node "Add"(%a, %b) {attrs = {axis = 2 : i64, broadcast = 1 : i64}, domain = "", node_name = "a", version = 6 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sqrt_of_int(%x: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Sqrt, opset 13): needs a floating-point input}}
  %0 = onnx.node "Sqrt"(%x) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sigmoid_of_int(%x: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Sigmoid, opset 13): needs a floating-point input}}
  %0 = onnx.node "Sigmoid"(%x) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sin_of_int(%x: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'n' (Sin, opset 13): needs a floating-point input}}
  %0 = onnx.node "Sin"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @isnan_of_int(%x: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'n' (IsNaN, opset 13): needs a floating-point input}}
  %0 = onnx.node "IsNaN"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @and_of_int(%a: tensor<2xi32>, %b: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (And, opset 7): needs bool inputs}}
  %0 = onnx.node "And"(%a, %b) {attrs = {}, domain = "", node_name = "a", version = 7 : i64} : (tensor<2xi32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @not_of_float(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'n' (Not, opset 1): needs a bool input}}
  %0 = onnx.node "Not"(%x) {attrs = {}, domain = "", node_name = "n", version = 1 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @less_int_before_opset9(%a: tensor<2xi32>, %b: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (Less, opset 7): integer inputs need opset 9}}
  %0 = onnx.node "Less"(%a, %b) {attrs = {}, domain = "", node_name = "l", version = 7 : i64} : (tensor<2xi32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @max_int_before_opset12(%a: tensor<2xi32>, %b: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (Max, opset 8): integer inputs need opset 12}}
  %0 = onnx.node "Max"(%a, %b) {attrs = {}, domain = "", node_name = "m", version = 8 : i64} : (tensor<2xi32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sum_of_int(%a: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Sum, opset 13): needs a floating-point input}}
  %0 = onnx.node "Sum"(%a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @mean_different_types(%a: tensor<2xf32>, %b: tensor<2xf64>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (Mean, opset 13): inputs have different element types}}
  %0 = onnx.node "Mean"(%a, %b) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2xf32>, tensor<2xf64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @max_not_broadcastable(%a: tensor<2xf32>, %b: tensor<1xf32>, %c: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (Max, opset 13): cannot broadcast dim 2 against 3 (result dim 0)}}
  %0 = onnx.node "Max"(%a, %b, %c) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2xf32>, tensor<1xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @where_condition_not_bool(%c: tensor<2xi32>, %x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'w' (Where, opset 16): the condition must be bool}}
  %0 = onnx.node "Where"(%c, %x, %x) {attrs = {}, domain = "", node_name = "w", version = 16 : i64} : (tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @where_different_types(%c: tensor<2xi1>, %x: tensor<2xf32>, %y: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'w' (Where, opset 16): X and Y have different element types}}
  %0 = onnx.node "Where"(%c, %x, %y) {attrs = {}, domain = "", node_name = "w", version = 16 : i64} : (tensor<2xi1>, tensor<2xf32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @where_not_broadcastable(%c: tensor<4x1xi1>, %x: tensor<2xf32>, %y: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'w' (Where, opset 16): cannot broadcast dim 2 against 3 (result dim 1)}}
  %0 = onnx.node "Where"(%c, %x, %y) {attrs = {}, domain = "", node_name = "w", version = 16 : i64} : (tensor<4x1xi1>, tensor<2xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @mod_bad_fmod(%a: tensor<2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (Mod, opset 13): fmod must be 0 or 1, got 2}}
  %0 = onnx.node "Mod"(%a, %a) {attrs = {fmod = 2 : i64}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2xi32>, tensor<2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @mod_float_fmod0(%a: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (Mod, opset 13): floating-point inputs need fmod=1}}
  %0 = onnx.node "Mod"(%a, %a) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @bitshift_bad_direction(%a: tensor<2xui8>) -> !onnx.value {
  // expected-error @+1 {{node 'b' (BitShift, opset 11): direction must be LEFT or RIGHT, got 'UP'}}
  %0 = onnx.node "BitShift"(%a, %a) {attrs = {direction = "UP"}, domain = "", node_name = "b", version = 11 : i64} : (tensor<2xui8>, tensor<2xui8>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @bitshift_signed(%a: tensor<2xi8>) -> !onnx.value {
  // expected-error @+1 {{node 'b' (BitShift, opset 11): needs unsigned integer inputs}}
  %0 = onnx.node "BitShift"(%a, %a) {attrs = {direction = "LEFT"}, domain = "", node_name = "b", version = 11 : i64} : (tensor<2xi8>, tensor<2xi8>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @gelu_bad_approximate(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (Gelu, opset 20): approximate must be 'none' or 'tanh', got 'fast'}}
  %0 = onnx.node "Gelu"(%x) {attrs = {approximate = "fast"}, domain = "", node_name = "g", version = 20 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @celu_zero_alpha(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Celu, opset 12): alpha must not be 0}}
  %0 = onnx.node "Celu"(%x) {attrs = {alpha = 0.000000e+00 : f32}, domain = "", node_name = "c", version = 12 : i64} : (tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @prelu_slope_not_broadcastable(%x: tensor<2x4xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (PRelu, opset 16): slope dim 3 does not broadcast to X dim 4}}
  %0 = onnx.node "PRelu"(%x, %s) {attrs = {}, domain = "", node_name = "p", version = 16 : i64} : (tensor<2x4xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @prelu_slope_rank(%x: tensor<4xf32>, %s: tensor<1x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (PRelu, opset 16): the slope has a higher rank than X}}
  %0 = onnx.node "PRelu"(%x, %s) {attrs = {}, domain = "", node_name = "p", version = 16 : i64} : (tensor<4xf32>, tensor<1x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @hardmax_dynamic_axis(%x: tensor<2x?xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'h' (Hardmax, opset 13): Hardmax needs a static size along its axis}}
  %0 = onnx.node "Hardmax"(%x) {attrs = {}, domain = "", node_name = "h", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @neg_two_inputs(%x: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'n' (Neg, opset 13): expects 1 input}}
  %0 = onnx.node "Neg"(%x, %x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @clip_bound_not_scalar(%x: tensor<4xf32>, %lo: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Clip, opset 13): min and max must be scalars of the input type}}
  %0 = onnx.node "Clip"(%x, %lo) {attrs = {}, domain = "", node_name = "c", version = 13 : i64} : (tensor<4xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @clip_bound_type(%x: tensor<4xf32>, %lo: tensor<f64>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Clip, opset 13): min and max must be scalars of the input type}}
  %0 = onnx.node "Clip"(%x, %lo) {attrs = {}, domain = "", node_name = "c", version = 13 : i64} : (tensor<4xf32>, tensor<f64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @cast_unsupported_type(%x: tensor<4xf32>) -> !onnx.value {
  // Type 8 is STRING.
  // expected-error @+1 {{node 'c' (Cast, opset 13): cast to element type #8 is not supported}}
  %0 = onnx.node "Cast"(%x) {attrs = {to = 8 : i64}, domain = "", node_name = "c", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}


// -----

func.func @dropout_training(%x: tensor<4xf32>, %r: tensor<f32>) -> !onnx.value {
  %t = arith.constant dense<true> : tensor<i1>
  // expected-error @+1 {{node 'd' (Dropout, opset 13): training mode is not supported in inference}}
  %0 = onnx.node "Dropout"(%x, %r, %t) {attrs = {}, domain = "", node_name = "d", version = 13 : i64} : (tensor<4xf32>, tensor<f32>, tensor<i1>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @dropout_training_mode_not_constant(%x: tensor<4xf32>, %r: tensor<f32>, %t: tensor<i1>) -> !onnx.value {
  // expected-error @+1 {{node 'd' (Dropout, opset 12): training_mode must be a constant (dlc compiles inference)}}
  %0 = onnx.node "Dropout"(%x, %r, %t) {attrs = {}, domain = "", node_name = "d", version = 12 : i64} : (tensor<4xf32>, tensor<f32>, tensor<i1>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @dropout_opset6_training(%x: tensor<4xf32>) -> !onnx.value {
  // is_test defaults to 0: training.
  // expected-error @+1 {{node 'd' (Dropout, opset 6): training mode is not supported in inference}}
  %0 = onnx.node "Dropout"(%x) {attrs = {}, domain = "", node_name = "d", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

// -----

func.func @matmul_batch_mismatch(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (MatMul, opset 13): batch dims 2 and 3 do not broadcast}}
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (MatMul, opset 13): inputs must have rank >= 1}}
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<f32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @matmul_element_types(%a: tensor<2x3xf32>, %b: tensor<3x4xf16>) -> !onnx.value {
  // expected-error @+1 {{node 'm' (MatMul, opset 13): inputs have different element types}}
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<2x3xf32>, tensor<3x4xf16>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @gemm_3d(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (Gemm, opset 13): expects 2-D inputs A and B}}
  %0 = onnx.node "Gemm"(%a, %b) {attrs = {}, domain = "", node_name = "g", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @gemm_c_rank3(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<1x3x5xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (Gemm, opset 13): C must have rank <= 2}}
  %0 = onnx.node "Gemm"(%a, %b, %c) {attrs = {}, domain = "", node_name = "g", version = 13 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<1x3x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_4d(%x: tensor<1x1x4x4x4x4xf32>, %w: tensor<1x1x2x2x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): only 1-D to 3-D convolutions are supported (X has rank 6, W rank 6)}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4x4x4xf32>, tensor<1x1x2x2x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_int(%x: tensor<1x1x4x4xi32>, %w: tensor<1x1x2x2xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): X and W must be of one float type}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xi32>, tensor<1x1x2x2xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_kernel_shape_mismatch(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): kernel_shape differs from W's shape}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {kernel_shape = array<i64: 3, 3>}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_pads_count(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): pads has 2 entries, expected 4}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {pads = array<i64: 1, 1>}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_negative_pads(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): pads must be in [0, 2^30]}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {pads = array<i64: 0, -1, 0, 0>}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_unknown_auto_pad(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): unknown auto_pad 'SAME'}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "SAME"}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_auto_pad_dynamic(%x: tensor<1x1x?x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): auto_pad needs static spatial dims}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "SAME_UPPER"}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x?x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_strides_count(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): strides/dilations need one entry per spatial dim}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {strides = array<i64: 1>}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_bias_2d(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>, %b: tensor<1x1xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 11): bias B must be 1-D}}
  %0 = onnx.node "Conv"(%x, %w, %b) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>, tensor<1x1xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

// -----

func.func @maxpool_kernel_rank(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 12): kernel_shape needs one entry per spatial dim}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2>}, domain = "", node_name = "p", version = 12 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @maxpool_rank2(%x: tensor<4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 12): X must have rank >= 3}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>}, domain = "", node_name = "p", version = 12 : i64} : (tensor<4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @maxpool_dynamic_spatial(%x: tensor<1x1x?x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 12): pooling needs static spatial dims}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>}, domain = "", node_name = "p", version = 12 : i64} : (tensor<1x1x?x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @maxpool_window_too_large(%x: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 12): the window is larger than the padded input}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 3, 3>}, domain = "", node_name = "p", version = 12 : i64} : (tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @avgpool_int(%x: tensor<1x1x4x4xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (AveragePool, opset 11): needs a floating-point input}}
  %0 = onnx.node "AveragePool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>}, domain = "", node_name = "p", version = 11 : i64} : (tensor<1x1x4x4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @global_avgpool_dynamic(%x: tensor<1x3x?x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (GlobalAveragePool, opset 1): needs static spatial dims}}
  %0 = onnx.node "GlobalAveragePool"(%x) {attrs = {}, domain = "", node_name = "g", version = 1 : i64} : (tensor<1x3x?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

// -----

func.func @softmax_axis_out_of_range(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Softmax, opset 13): axis 2 is out of range for rank 2}}
  %0 = onnx.node "Softmax"(%x) {attrs = {axis = 2 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @batch_norm_training_mode(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 15): training mode is not supported in inference}}
  %0 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {training_mode = 1 : i64}, domain = "", node_name = "bn", version = 15 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @batch_norm_running_mean_used(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 9): training outputs are not supported}}
  %0:3 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {}, domain = "", node_name = "bn", version = 9 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (!onnx.value, !onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @batch_norm_opset6_training(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 6): training mode is not supported in inference}}
  %0:2 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {}, domain = "", node_name = "bn", version = 6 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// Before opset 7 a BatchNormalization without is_test = 1 normalizes with
// batch statistics, even when only Y is used.
func.func @batch_norm_opset6_no_is_test(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 6): training mode is not supported in inference}}
  %0 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {}, domain = "", node_name = "bn", version = 6 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @batch_norm_not_spatial(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 7): spatial=0 is not supported}}
  %0 = onnx.node "BatchNormalization"(%x, %s, %s, %s, %s) {attrs = {spatial = 0 : i64}, domain = "", node_name = "bn", version = 7 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @batch_norm_missing_inputs(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'bn' (BatchNormalization, opset 15): expects 5 inputs, has 3}}
  %0 = onnx.node "BatchNormalization"(%x, %s, %s) {attrs = {}, domain = "", node_name = "bn", version = 15 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @layer_norm_dynamic(%x: tensor<2x?xf32>, %s: tensor<?xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'ln' (LayerNormalization, opset 17): needs static normalized dims}}
  %0 = onnx.node "LayerNormalization"(%x, %s) {attrs = {}, domain = "", node_name = "ln", version = 17 : i64} : (tensor<2x?xf32>, tensor<?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

// -----

func.func @reshape_shape_of_unknown_length(%x: tensor<2x3xf32>, %s: tensor<?xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (Reshape, opset 14): a shape operand must be a 1-D integer tensor of a static length, got tensor<?xi64>}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2x3xf32>, tensor<?xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_two_minus_one(%x: tensor<2x3xf32>) -> !onnx.value {
  %s = arith.constant dense<[-1, -1]> : tensor<2xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 14): shape has more than one -1}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_count_mismatch(%x: tensor<2x3xf32>) -> !onnx.value {
  %s = arith.constant dense<[5]> : tensor<1xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 14): shape has 5 elements, the input 6}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_cannot_infer(%x: tensor<2x3xf32>) -> !onnx.value {
  %s = arith.constant dense<[4, -1]> : tensor<2xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 14): cannot infer the -1 dim}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_zero_beyond_rank(%x: tensor<6xf32>) -> !onnx.value {
  %s = arith.constant dense<[6, 0]> : tensor<2xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 14): shape copies dim 1, which the input does not have}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<6xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_negative_dim(%x: tensor<6xf32>) -> !onnx.value {
  %s = arith.constant dense<[-2, -3]> : tensor<2xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 14): shape has a negative dim}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<6xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_opset1_without_shape(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (Reshape, opset 1): needs a shape attribute}}
  %0 = onnx.node "Reshape"(%x) {attrs = {}, domain = "", node_name = "r", version = 1 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @constant_without_value() -> !onnx.value {
  // expected-error @+1 {{node 'c' (Constant, opset 13): needs a value, value_float(s) or value_int(s) attribute (sparse and string constants are not supported)}}
  %0 = onnx.node "Constant"() {attrs = {value_string = "hi"}, domain = "", node_name = "c", version = 13 : i64} : () -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @transpose_bad_perm(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Transpose, opset 13): perm is not a permutation of the dims}}
  %0 = onnx.node "Transpose"(%x) {attrs = {perm = array<i64: 0, 0>}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}


// -----

func.func @concat_dims_differ(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Concat, opset 13): inputs differ in dim 0}}
  %0 = onnx.node "Concat"(%a, %b) {attrs = {axis = 1 : i64}, domain = "", node_name = "c", version = 13 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @concat_rank_differs(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Concat, opset 13): inputs differ in rank or element type}}
  %0 = onnx.node "Concat"(%a, %b) {attrs = {axis = 0 : i64}, domain = "", node_name = "c", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @squeeze_non_unit(%x: tensor<1x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Squeeze, opset 11): cannot squeeze dim 1 of size 3}}
  %0 = onnx.node "Squeeze"(%x) {attrs = {axes = array<i64: 1>}, domain = "", node_name = "s", version = 11 : i64} : (tensor<1x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @squeeze_too_many_axes(%x: tensor<1x3xf32>, %a: tensor<3xi64>) -> !onnx.value {
  // expected-error @+1 {{node 's' (Squeeze, opset 13): has 3 axes for rank 2}}
  %0 = onnx.node "Squeeze"(%x, %a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x3xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unsqueeze_without_axes(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'u' (Unsqueeze, opset 13): expects 2 inputs, has 1}}
  %0 = onnx.node "Unsqueeze"(%x) {attrs = {}, domain = "", node_name = "u", version = 13 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unsqueeze_repeated_axes(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'u' (Unsqueeze, opset 11): axes repeat 0}}
  %0 = onnx.node "Unsqueeze"(%x) {attrs = {axes = array<i64: 0, -3>}, domain = "", node_name = "u", version = 11 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @unsqueeze_axis_out_of_range(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'u' (Unsqueeze, opset 11): axis 2 is out of range for rank 2}}
  %0 = onnx.node "Unsqueeze"(%x) {attrs = {axes = array<i64: 2>}, domain = "", node_name = "u", version = 11 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @slice_repeated_axes(%x: tensor<4x4xf32>) -> !onnx.value {
  %s = arith.constant dense<[0, 1]> : tensor<2xi64>
  %a = arith.constant dense<[1, -1]> : tensor<2xi64>
  // expected-error @+1 {{node 's' (Slice, opset 13): axes repeat 1}}
  %0 = onnx.node "Slice"(%x, %s, %s, %a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @slice_zero_step(%x: tensor<4xf32>, %s: tensor<1xi64>) -> !onnx.value {
  %a = arith.constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{node 's' (Slice, opset 13): steps must not be 0}}
  %0 = onnx.node "Slice"(%x, %s, %s, %a, %a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @compress_condition_type(%x: tensor<4xf32>, %c: tensor<4xi32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Compress, opset 11): condition must be a 1-D bool tensor}}
  %0 = onnx.node "Compress"(%x, %c) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<4xf32>, tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @compress_condition_too_long(%x: tensor<2x3xf32>, %c: tensor<3xi1>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Compress, opset 11): condition has 3 entries for 2 slices}}
  %0 = onnx.node "Compress"(%x, %c) {attrs = {axis = 0 : i64}, domain = "", node_name = "c", version = 11 : i64} : (tensor<2x3xf32>, tensor<3xi1>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Layout: Pad, Split, Tile, DepthToSpace, SpaceToDepth
//===----------------------------------------------------------------------===//

// -----

func.func @pad_bad_mode(%x: tensor<3xf32>, %p: tensor<2xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 13): mode 'mirror' is not constant, edge, reflect}}
  %0 = onnx.node "Pad"(%x, %p) {attrs = {mode = "mirror"}, domain = "", node_name = "p", version = 13 : i64} : (tensor<3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_wrap_before_19(%x: tensor<3xf32>, %p: tensor<2xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 18): mode 'wrap' is not constant, edge, reflect}}
  %0 = onnx.node "Pad"(%x, %p) {attrs = {mode = "wrap"}, domain = "", node_name = "p", version = 18 : i64} : (tensor<3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_wrong_length(%x: tensor<3x4xf32>, %p: tensor<2xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 13): pads has 2 entries, 2 per padded axis (4) expected}}
  %0 = onnx.node "Pad"(%x, %p) {attrs = {}, domain = "", node_name = "p", version = 13 : i64} : (tensor<3x4xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_axis_out_of_range(%x: tensor<3x4xf32>, %p: tensor<2xi64>) -> !onnx.value {
  %n = onnx.none
  %a = arith.constant dense<2> : tensor<1xi64>
  // expected-error @+1 {{node 'p' (Pad, opset 18): axis 2 is out of range for rank 2}}
  %0 = onnx.node "Pad"(%x, %p, %n, %a) {attrs = {}, domain = "", node_name = "p", version = 18 : i64} : (tensor<3x4xf32>, tensor<2xi64>, none, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_negative_result(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 2): pads make dim 0 negative}}
  %0 = onnx.node "Pad"(%x) {attrs = {pads = array<i64: -2, -2>}, domain = "", node_name = "p", version = 2 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_empty_reflect(%x: tensor<0x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 2): cannot pad the empty dim 0 in reflect mode}}
  %0 = onnx.node "Pad"(%x) {attrs = {mode = "reflect", pads = array<i64: 1, 0, 0, 0>}, domain = "", node_name = "p", version = 2 : i64} : (tensor<0x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pad_value_type(%x: tensor<3xf32>, %p: tensor<2xi64>, %v: tensor<i32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (Pad, opset 13): constant_value must be one element of the data's type}}
  %0 = onnx.node "Pad"(%x, %p, %v) {attrs = {}, domain = "", node_name = "p", version = 13 : i64} : (tensor<3xf32>, tensor<2xi64>, tensor<i32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @split_sizes_do_not_sum(%x: tensor<6xf32>) -> (!onnx.value, !onnx.value) {
  %s = arith.constant dense<[2, 3]> : tensor<2xi64>
  // expected-error @+1 {{node 's' (Split, opset 13): split sizes sum to 5, dim 0 has 6}}
  %0:2 = onnx.node "Split"(%x, %s) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<6xf32>, tensor<2xi64>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @split_count(%x: tensor<6xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 's' (Split, opset 11): split has 3 sizes for 2 outputs}}
  %0:2 = onnx.node "Split"(%x) {attrs = {split = array<i64: 2, 2, 2>}, domain = "", node_name = "s", version = 11 : i64} : (tensor<6xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @split_uneven_before_18(%x: tensor<7xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 's' (Split, opset 13): cannot split dim 0 of size 7 into 2 equal parts}}
  %0:2 = onnx.node "Split"(%x) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<7xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @split_num_outputs(%x: tensor<6xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 's' (Split, opset 18): num_outputs is 3, the node has 2 outputs}}
  %0:2 = onnx.node "Split"(%x) {attrs = {num_outputs = 3 : i64}, domain = "", node_name = "s", version = 18 : i64} : (tensor<6xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @split_too_many_parts(%x: tensor<5xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  // expected-error @+1 {{node 's' (Split, opset 18): cannot split dim 0 of size 5 into 4 parts of 2}}
  %0:4 = onnx.node "Split"(%x) {attrs = {num_outputs = 4 : i64}, domain = "", node_name = "s", version = 18 : i64} : (tensor<5xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value)
  return %0#0, %0#1, %0#2, %0#3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

func.func @split_bad_axis(%x: tensor<6xf32>) -> (!onnx.value, !onnx.value) {
  // expected-error @+1 {{node 's' (Split, opset 13): axis 1 is out of range for rank 1}}
  %0:2 = onnx.node "Split"(%x) {attrs = {axis = 1 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<6xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

func.func @tile_repeats_length(%x: tensor<2x3xf32>, %r: tensor<3xi64>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Tile, opset 13): repeats has 3 entries for rank 2}}
  %0 = onnx.node "Tile"(%x, %r) {attrs = {}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @tile_negative(%x: tensor<2xf32>) -> !onnx.value {
  %r = arith.constant dense<-1> : tensor<1xi64>
  // expected-error @+1 {{node 't' (Tile, opset 13): repeats must not be negative}}
  %0 = onnx.node "Tile"(%x, %r) {attrs = {}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @depth_to_space_channels(%x: tensor<1x6x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'd' (DepthToSpace, opset 13): dim 1 (6) must be a multiple of 4}}
  %0 = onnx.node "DepthToSpace"(%x) {attrs = {blocksize = 2 : i64}, domain = "", node_name = "d", version = 13 : i64} : (tensor<1x6x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @depth_to_space_mode(%x: tensor<1x4x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'd' (DepthToSpace, opset 13): mode 'RDC' is not DCR or CRD}}
  %0 = onnx.node "DepthToSpace"(%x) {attrs = {blocksize = 2 : i64, mode = "RDC"}, domain = "", node_name = "d", version = 13 : i64} : (tensor<1x4x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @space_to_depth_rank(%x: tensor<4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (SpaceToDepth, opset 13): the input must be 4-D [N, C, H, W]}}
  %0 = onnx.node "SpaceToDepth"(%x) {attrs = {blocksize = 2 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @space_to_depth_height(%x: tensor<1x1x3x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 's' (SpaceToDepth, opset 13): dim 2 (3) must be a multiple of 2}}
  %0 = onnx.node "SpaceToDepth"(%x) {attrs = {blocksize = 2 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x1x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Positional: Trilu, EyeLike, OneHot, CumSum
//===----------------------------------------------------------------------===//

// -----

func.func @trilu_rank_1(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Trilu, opset 14): the input must have rank >= 2}}
  %0 = onnx.node "Trilu"(%x) {attrs = {}, domain = "", node_name = "t", version = 14 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @trilu_k_type(%x: tensor<3x3xf32>, %k: tensor<i32>) -> !onnx.value {
  // expected-error @+1 {{node 't' (Trilu, opset 14): k must be one int64}}
  %0 = onnx.node "Trilu"(%x, %k) {attrs = {}, domain = "", node_name = "t", version = 14 : i64} : (tensor<3x3xf32>, tensor<i32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @eye_like_rank(%x: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'e' (EyeLike, opset 9): the input must be 2-D}}
  %0 = onnx.node "EyeLike"(%x) {attrs = {}, domain = "", node_name = "e", version = 9 : i64} : (tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @one_hot_values(%i: tensor<2xi64>, %d: tensor<i64>, %v: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'o' (OneHot, opset 11): values must be [off, on]}}
  %0 = onnx.node "OneHot"(%i, %d, %v) {attrs = {}, domain = "", node_name = "o", version = 11 : i64} : (tensor<2xi64>, tensor<i64>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @one_hot_depth(%i: tensor<2xi64>, %v: tensor<2xf32>) -> !onnx.value {
  %d = arith.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{node 'o' (OneHot, opset 11): depth must be positive, got 0}}
  %0 = onnx.node "OneHot"(%i, %d, %v) {attrs = {}, domain = "", node_name = "o", version = 11 : i64} : (tensor<2xi64>, tensor<f32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @one_hot_axis(%i: tensor<2xi64>, %d: tensor<i64>, %v: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'o' (OneHot, opset 11): axis 2 is out of range for rank 2}}
  %0 = onnx.node "OneHot"(%i, %d, %v) {attrs = {axis = 2 : i64}, domain = "", node_name = "o", version = 11 : i64} : (tensor<2xi64>, tensor<i64>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @cumsum_runtime_axis(%x: tensor<2x3xf32>, %a: tensor<i64>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (CumSum, opset 14): the axis of a rank 2 input must be a constant (it is a run-time input)}}
  %0 = onnx.node "CumSum"(%x, %a) {attrs = {}, domain = "", node_name = "c", version = 14 : i64} : (tensor<2x3xf32>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @cumsum_axis_out_of_range(%x: tensor<2x3xf32>) -> !onnx.value {
  %a = arith.constant dense<2> : tensor<i64>
  // expected-error @+1 {{node 'c' (CumSum, opset 14): axis 2 is out of range for rank 2}}
  %0 = onnx.node "CumSum"(%x, %a) {attrs = {}, domain = "", node_name = "c", version = 14 : i64} : (tensor<2x3xf32>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// -----

func.func @reduce_sum_axes_dynamic_length(%x: tensor<2x3xf32>, %a: tensor<?xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceSum, opset 13): the axes input must have a static length, got tensor<?xi64>}}
  %0 = onnx.node "ReduceSum"(%x, %a) {attrs = {}, domain = "", node_name = "r", version = 13 : i64} : (tensor<2x3xf32>, tensor<?xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reduce_axis_out_of_range(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceMax, opset 13): axis -3 is out of range for rank 2}}
  %0 = onnx.node "ReduceMax"(%x) {attrs = {axes = array<i64: -3>}, domain = "", node_name = "r", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reduce_l2_too_many_axes(%x: tensor<2x3xf32>, %a: tensor<3xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceL2, opset 18): has 3 axes for rank 2}}
  %0 = onnx.node "ReduceL2"(%x, %a) {attrs = {}, domain = "", node_name = "r", version = 18 : i64} : (tensor<2x3xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reduce_log_sum_exp_axis_out_of_range(%x: tensor<2x3xf32>) -> !onnx.value {
  %a = arith.constant dense<2> : tensor<1xi64>
  // expected-error @+1 {{node 'r' (ReduceLogSumExp, opset 18): axis 2 is out of range for rank 2}}
  %0 = onnx.node "ReduceLogSumExp"(%x, %a) {attrs = {}, domain = "", node_name = "r", version = 18 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @argmax_axis_out_of_range(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (ArgMax, opset 13): axis 2 is out of range for rank 2}}
  %0 = onnx.node "ArgMax"(%x) {attrs = {axis = 2 : i64}, domain = "", node_name = "a", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @argmin_scalar(%x: tensor<f32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (ArgMin, opset 13): needs an input of rank >= 1}}
  %0 = onnx.node "ArgMin"(%x) {attrs = {}, domain = "", node_name = "a", version = 13 : i64} : (tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// select_last_index comes at opset 12.
func.func @argmax_select_last_index_opset11(%x: tensor<2x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (ArgMax, opset 11): unknown attribute 'select_last_index'; ArgMax takes axis, keepdims}}
  %0 = onnx.node "ArgMax"(%x) {attrs = {select_last_index = 1 : i64}, domain = "", node_name = "a", version = 11 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

//===----------------------------------------------------------------------===//
// Losses
//===----------------------------------------------------------------------===//

// -----

func.func @nll_bad_reduction(%x: tensor<3x5xf32>, %t: tensor<3xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (NegativeLogLikelihoodLoss, opset 13): reduction must be 'none', 'sum' or 'mean', got 'max'}}
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {reduction = "max"}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @nll_target_rank(%x: tensor<3x5x2xf32>, %t: tensor<3xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (NegativeLogLikelihoodLoss, opset 13): the target must be an integer tensor of rank 2 ([N, d1, ...]), got tensor<3xi64>}}
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5x2xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @nll_input_rank(%x: tensor<5xf32>, %t: tensor<i64>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (NegativeLogLikelihoodLoss, opset 12): the input must be a float tensor [N, C] or [N, C, d1, ...], got tensor<5xf32>}}
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {}, domain = "", node_name = "l", version = 12 : i64} : (tensor<5xf32>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sce_weight_rank(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<5x1xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (SoftmaxCrossEntropyLoss, opset 13): the weight must be a 1-D tensor [C] of the input's element type, got tensor<5x1xf32>}}
  %0 = onnx.node "SoftmaxCrossEntropyLoss"(%x, %t, %w) {attrs = {}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5xf32>, tensor<3xi64>, tensor<5x1xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @sce_float_labels(%x: tensor<3x5xf32>, %t: tensor<3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'l' (SoftmaxCrossEntropyLoss, opset 13): the target must be an integer tensor of rank 1 ([N, d1, ...]), got tensor<3xf32>}}
  %0 = onnx.node "SoftmaxCrossEntropyLoss"(%x, %t) {attrs = {reduction = "sum"}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @conv_transpose_output_padding(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'up' (ConvTranspose, opset 11): strides and dilations must be >= 1 and output_padding in [0, max(stride, dilation))}}
  %0 = onnx.node "ConvTranspose"(%x, %w) {attrs = {strides = array<i64: 2, 2>, output_padding = array<i64: 2, 0>}, domain = "", node_name = "up", version = 11 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}
