// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-inference errors of the prim ops. Inference errors come
// twice: the reason, then "failed to infer returned types".

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

func.func @binary_types_differ(%a: tensor<4xf32>, %b: tensor<5xf32>) -> tensor<4xf32> {
  // The Elementwise trait rejects the shapes before SameOperandsAndResultType.
  // expected-error @+1 {{'prim.add' op all non-scalar operands/results must have the same shape and base type}}
  %0 = "prim.add"(%a, %b) : (tensor<4xf32>, tensor<5xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @sqrt_of_int(%a: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'prim.sqrt' op operand #0 must be ranked tensor of floating-point values}}
  %0 = prim.sqrt %a : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @floor_of_int(%a: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'prim.floor' op operand #0 must be ranked tensor of floating-point values}}
  %0 = prim.floor %a : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @unranked(%a: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'prim.neg' op operand #0 must be ranked tensor}}
  %0 = "prim.neg"(%a) : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @compare_types_differ(%a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xi1> {
  // expected-error @+1 {{'prim.compare' op requires all operands to have the same type}}
  %0 = "prim.compare"(%a, %b) {direction = #prim<compare lt>} : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @compare_result_shape(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<5xi1> {
  // expected-error @+1 {{'prim.compare' op all non-scalar operands/results must have the same shape and base type}}
  %0 = "prim.compare"(%a, %b) {direction = #prim<compare lt>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<5xi1>
  return %0 : tensor<5xi1>
}

// -----

func.func @compare_result_dynamic(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<?xi1> {
  // expected-error @+2 {{'prim.compare' op inferred type(s) 'tensor<4xi1>' are incompatible with return type(s) of operation 'tensor<?xi1>'}}
  // expected-error @+1 {{'prim.compare' op failed to infer returned types}}
  %0 = "prim.compare"(%a, %b) {direction = #prim<compare lt>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<?xi1>
  return %0 : tensor<?xi1>
}

// -----

func.func @compare_bad_direction(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  // expected-error @+2 {{expected ::dlc::prim::CompareDirection to be one of: eq, ne, lt, le, gt, ge}}
  // expected-error @+1 {{failed to parse Prim_CompareDirectionAttr parameter 'value'}}
  %0 = prim.compare ult, %a, %b : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

func.func @select_shape_mismatch(%c: tensor<3xi1>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'prim.select' op all non-scalar operands/results must have the same shape and base type}}
  %0 = prim.select %c, %a, %b : tensor<3xi1>, tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_shape_dynamic_vs_static(%c: tensor<?xi1>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // Compatible for the Elementwise trait, but prim.select wants equal shapes.
  // expected-error @+1 {{'prim.select' op condition shape differs from the value shape}}
  %0 = prim.select %c, %a, %b : tensor<?xi1>, tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_value_types_differ(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'prim.select' op failed to verify that all of {on_true, on_false, result} have same type}}
  %0 = "prim.select"(%c, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_cond_not_i1(%c: tensor<4xi8>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'prim.select' op operand #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = "prim.select"(%c, %a, %b) : (tensor<4xi8>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @convert_shape_mismatch(%a: tensor<4xf32>) -> tensor<5xi32> {
  // expected-error @+1 {{'prim.convert' op all non-scalar operands/results must have the same shape and base type}}
  %0 = prim.convert %a : (tensor<4xf32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// -----

func.func @convert_dynamic_vs_static(%a: tensor<?xf32>) -> tensor<4xi32> {
  // The shapes must match exactly, `?` included.
  // expected-error @+1 {{'prim.convert' op result shape differs from the operand shape}}
  %0 = prim.convert %a : (tensor<?xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

//===----------------------------------------------------------------------===//
// broadcast_in_dim
//===----------------------------------------------------------------------===//

// -----

func.func @broadcast_element_type(%a: tensor<4xf32>) -> tensor<2x4xf16> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op element types differ}}
  %0 = prim.broadcast_in_dim %a {dims = array<i64: 1>} : (tensor<4xf32>) -> tensor<2x4xf16>
  return %0 : tensor<2x4xf16>
}

// -----

func.func @broadcast_dims_count(%a: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op needs one entry in dims per operand dimension}}
  %0 = prim.broadcast_in_dim %a {dims = array<i64: 0, 1>} : (tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @broadcast_dims_not_increasing(%a: tensor<4x4xf32>) -> tensor<4x4x3xf32> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op dims must be strictly increasing result dimensions}}
  %0 = prim.broadcast_in_dim %a {dims = array<i64: 1, 0>} : (tensor<4x4xf32>) -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}

// -----

func.func @broadcast_dims_out_of_range(%a: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op dims must be strictly increasing result dimensions}}
  %0 = prim.broadcast_in_dim %a {dims = array<i64: 2>} : (tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @broadcast_bad_size(%a: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op operand dimension 0 (3) cannot broadcast to result dimension 1 (4)}}
  %0 = prim.broadcast_in_dim %a {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

//===----------------------------------------------------------------------===//
// reshape, transpose
//===----------------------------------------------------------------------===//

// -----

func.func @reshape_element_count(%a: tensor<2x3xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'prim.reshape' op changes the element count from 6 to 8}}
  %0 = prim.reshape %a : (tensor<2x3xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @reshape_element_type(%a: tensor<2x3xf32>) -> tensor<6xi32> {
  // expected-error @+1 {{'prim.reshape' op element types differ}}
  %0 = prim.reshape %a : (tensor<2x3xf32>) -> tensor<6xi32>
  return %0 : tensor<6xi32>
}

// -----

func.func @transpose_length(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @+2 {{permutation length differs from the rank}}
  // expected-error @+1 {{'prim.transpose' op failed to infer returned types}}
  %0 = prim.transpose %a {permutation = array<i64: 1, 0, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_repeated(%a: tensor<2x3xf32>) -> tensor<3x3xf32> {
  // expected-error @+2 {{permutation is not a permutation}}
  // expected-error @+1 {{'prim.transpose' op failed to infer returned types}}
  %0 = prim.transpose %a {permutation = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @transpose_out_of_range(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @+2 {{permutation is not a permutation}}
  // expected-error @+1 {{'prim.transpose' op failed to infer returned types}}
  %0 = prim.transpose %a {permutation = array<i64: 2, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_wrong_result(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+2 {{'prim.transpose' op inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{'prim.transpose' op failed to infer returned types}}
  %0 = prim.transpose %a {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

//===----------------------------------------------------------------------===//
// slice, pad, concat
//===----------------------------------------------------------------------===//

// -----

func.func @slice_attr_lengths(%a: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error @+2 {{prim.slice needs start/limit/strides per dim}}
  // expected-error @+1 {{'prim.slice' op failed to infer returned types}}
  %0 = prim.slice %a {start = array<i64: 0>, limit = array<i64: 2, 3>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_limit_out_of_range(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+2 {{prim.slice bounds out of range in dim 1}}
  // expected-error @+1 {{'prim.slice' op failed to infer returned types}}
  %0 = prim.slice %a {start = array<i64: 0, 1>, limit = array<i64: 2, 4>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @slice_start_after_limit(%a: tensor<2x3xf32>) -> tensor<2x0xf32> {
  // expected-error @+2 {{prim.slice bounds out of range in dim 1}}
  // expected-error @+1 {{'prim.slice' op failed to infer returned types}}
  %0 = prim.slice %a {start = array<i64: 0, 2>, limit = array<i64: 2, 1>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x0xf32>
  return %0 : tensor<2x0xf32>
}

// -----

func.func @slice_zero_stride(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+2 {{prim.slice bounds out of range in dim 0}}
  // expected-error @+1 {{'prim.slice' op failed to infer returned types}}
  %0 = prim.slice %a {start = array<i64: 0, 0>, limit = array<i64: 2, 3>, strides = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @slice_wrong_result(%a: tensor<2x9xf32>) -> tensor<2x4xf32> {
  // (9 - 0 + 3 - 1) / 3 = 3 columns
  // expected-error @+2 {{'prim.slice' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf32>'}}
  // expected-error @+1 {{'prim.slice' op failed to infer returned types}}
  %0 = prim.slice %a {start = array<i64: 0, 0>, limit = array<i64: 2, 9>, strides = array<i64: 1, 3>} : (tensor<2x9xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_lengths(%a: tensor<3xf32>) -> tensor<6xf32> {
  // expected-error @+2 {{prim.pad needs low/high per dim}}
  // expected-error @+1 {{'prim.pad' op failed to infer returned types}}
  %0 = prim.pad %a {low = array<i64: 1, 0>, high = array<i64: 2>, value = 0.0 : f32} : (tensor<3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @pad_value_type(%a: tensor<3xf32>) -> tensor<6xf32> {
  // expected-error @+2 {{prim.pad value type differs from elements}}
  // expected-error @+1 {{'prim.pad' op failed to infer returned types}}
  %0 = prim.pad %a {low = array<i64: 1>, high = array<i64: 2>, value = 0 : i32} : (tensor<3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @pad_negative(%a: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{prim.pad amounts must be non-negative}}
  // expected-error @+1 {{'prim.pad' op failed to infer returned types}}
  %0 = prim.pad %a {low = array<i64: -1>, high = array<i64: 0>, value = 0.0 : f32} : (tensor<3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concat_dim_out_of_range(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error @+2 {{prim.concat dimension out of range}}
  // expected-error @+1 {{'prim.concat' op failed to infer returned types}}
  %0 = prim.concat %a, %b {dim = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<2xf32>) -> tensor<4x3xf32> {
  // expected-error @+2 {{prim.concat inputs differ in rank}}
  // expected-error @+1 {{'prim.concat' op failed to infer returned types}}
  %0 = prim.concat %a, %b {dim = 0 : i64} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @concat_other_dim(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<4x3xf32> {
  // expected-error @+2 {{prim.concat inputs differ in dim 1}}
  // expected-error @+1 {{'prim.concat' op failed to infer returned types}}
  %0 = prim.concat %a, %b {dim = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @concat_element_types(%a: tensor<2x3xf32>, %b: tensor<2x3xi32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'prim.concat' op requires the same element type for all operands}}
  %0 = prim.concat %a, %b {dim = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @concat_no_inputs() -> tensor<0xf32> {
  // expected-error @+1 {{'prim.concat' op expected 1 or more operands, but found 0}}
  %0 = "prim.concat"() {dim = 0 : i64} : () -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

//===----------------------------------------------------------------------===//
// reduce, reduce_window
//===----------------------------------------------------------------------===//

// -----

func.func @reduce_dims_unsorted(%a: tensor<2x3x4xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{prim.reduce dims must be sorted and valid}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce sum %a {dims = array<i64: 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_dims_repeated(%a: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+2 {{prim.reduce dims must be sorted and valid}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce max %a {dims = array<i64: 1, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @reduce_dim_out_of_range(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{prim.reduce dims must be sorted and valid}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce sum %a {dims = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_wrong_result(%a: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error @+2 {{'prim.reduce' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce sum %a {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @reduce_bad_kind(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{expected ::dlc::prim::ReduceKind to be one of: sum, max, min, prod}}
  // expected-error @+1 {{failed to parse Prim_ReduceKindAttr parameter 'value'}}
  %0 = prim.reduce mean %a {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_argmax_two_dims(%a: tensor<2x3x4xf32>) -> tensor<2xi64> {
  // expected-error @+2 {{prim.reduce argmax/argmin reduce one dim}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce argmax %a {dims = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @reduce_argmin_value_result(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{'prim.reduce' op inferred type(s) 'tensor<2xi64>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce argmin %a {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_select_last_sum(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{prim.reduce select_last needs argmax/argmin}}
  // expected-error @+1 {{'prim.reduce' op failed to infer returned types}}
  %0 = prim.reduce sum %a {dims = array<i64: 1>, select_last} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_window_argmin(%a: tensor<1x4xf32>) -> tensor<1x2xi64> {
  // expected-error @+2 {{prim.reduce_window has no argmin}}
  // expected-error @+1 {{'prim.reduce_window' op failed to infer returned types}}
  %0 = prim.reduce_window argmin %a {window = array<i64: 1, 2>, strides = array<i64: 1, 2>, dilations = array<i64: 1, 1>} : (tensor<1x4xf32>) -> tensor<1x2xi64>
  return %0 : tensor<1x2xi64>
}

// -----

func.func @reduce_window_lengths(%a: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+2 {{prim.reduce_window needs window/strides/dilations per dim}}
  // expected-error @+1 {{'prim.reduce_window' op failed to infer returned types}}
  %0 = prim.reduce_window max %a {window = array<i64: 2, 2>, strides = array<i64: 1, 1, 2, 2>, dilations = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @reduce_window_zero_stride(%a: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+2 {{prim.reduce_window sizes must be positive}}
  // expected-error @+1 {{'prim.reduce_window' op failed to infer returned types}}
  %0 = prim.reduce_window max %a {window = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 0, 2>, dilations = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @reduce_window_too_large(%a: tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32> {
  // A 5-tap window with dilation 2 spans 9 > 8 elements.
  // expected-error @+2 {{prim.reduce_window window larger than dim 2}}
  // expected-error @+1 {{'prim.reduce_window' op failed to infer returned types}}
  %0 = prim.reduce_window max %a {window = array<i64: 1, 1, 5, 1>, strides = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1, 2, 1>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32>
  return %0 : tensor<1x4x1x1xf32>
}

//===----------------------------------------------------------------------===//
// cumsum
//===----------------------------------------------------------------------===//

// -----

func.func @cumsum_dim(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'prim.cumsum' op dim 1 is out of range for rank 1}}
  %0 = prim.cumsum %x {dim = 1 : i64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @cumsum_types(%x: tensor<4xf32>) -> tensor<4xf64> {
  // expected-error @+1 {{'prim.cumsum' op requires the same type for all operands and results}}
  %0 = "prim.cumsum"(%x) {dim = 0 : i64} : (tensor<4xf32>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

//===----------------------------------------------------------------------===//
// matmul, conv
//===----------------------------------------------------------------------===//

// -----

func.func @matmul_contraction(%a: tensor<4x8xf32>, %b: tensor<7x2xf32>) -> tensor<4x2xf32> {
  // expected-error @+2 {{prim.matmul contraction dims differ: 8 vs 7}}
  // expected-error @+1 {{'prim.matmul' op failed to infer returned types}}
  %0 = prim.matmul %a, %b : (tensor<4x8xf32>, tensor<7x2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @matmul_rank(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<f32> {
  // expected-error @+2 {{prim.matmul needs operands of one rank >= 2}}
  // expected-error @+1 {{'prim.matmul' op failed to infer returned types}}
  %0 = prim.matmul %a, %b : (tensor<8xf32>, tensor<8xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @matmul_ranks_differ(%a: tensor<2x4x8xf32>, %b: tensor<8x2xf32>) -> tensor<2x4x2xf32> {
  // expected-error @+2 {{prim.matmul needs operands of one rank >= 2}}
  // expected-error @+1 {{'prim.matmul' op failed to infer returned types}}
  %0 = prim.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x2xf32>) -> tensor<2x4x2xf32>
  return %0 : tensor<2x4x2xf32>
}

// -----

func.func @matmul_batch(%a: tensor<2x4x8xf32>, %b: tensor<3x8x2xf32>) -> tensor<2x4x2xf32> {
  // expected-error @+2 {{prim.matmul batch dims differ}}
  // expected-error @+1 {{'prim.matmul' op failed to infer returned types}}
  %0 = prim.matmul %a, %b : (tensor<2x4x8xf32>, tensor<3x8x2xf32>) -> tensor<2x4x2xf32>
  return %0 : tensor<2x4x2xf32>
}

// -----

func.func @matmul_element_types(%a: tensor<4x8xf32>, %b: tensor<8x2xf16>) -> tensor<4x2xf32> {
  // expected-error @+1 {{'prim.matmul' op requires the same element type for all operands}}
  %0 = prim.matmul %a, %b : (tensor<4x8xf32>, tensor<8x2xf16>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @matmul_wrong_result(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>) -> tensor<4x3xf32> {
  // expected-error @+2 {{'prim.matmul' op inferred type(s) 'tensor<4x2xf32>' are incompatible with return type(s) of operation 'tensor<4x3xf32>'}}
  // expected-error @+1 {{'prim.matmul' op failed to infer returned types}}
  %0 = prim.matmul %a, %b : (tensor<4x8xf32>, tensor<8x2xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @conv_rank(%x: tensor<1x3xf32>, %w: tensor<4x3xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{prim.conv needs input and filter of one rank in 3..5}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64>, dilations = array<i64>, groups = 1 : i64} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @conv_attr_lengths(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+2 {{prim.conv needs strides and dilations per spatial dim and groups >= 1}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_zero_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+2 {{prim.conv needs strides and dilations per spatial dim and groups >= 1}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 0 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_groups_mismatch(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // 4 channels in 2 groups need a filter of 2 input channels, not 4.
  // expected-error @+2 {{prim.conv channel count does not match the filter and groups}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_channels_not_divisible(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+2 {{prim.conv channel count does not match the filter and groups}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_features_not_divisible(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32> {
  // expected-error @+2 {{prim.conv features not divisible by groups}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

func.func @conv_zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+2 {{prim.conv strides/dilations must be >= 1}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 0, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_kernel_too_large(%x: tensor<1x3x2x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32> {
  // expected-error @+2 {{prim.conv kernel larger than the input}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x2x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return %0 : tensor<1x4x1x6xf32>
}

// -----

func.func @conv_wrong_result(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+2 {{'prim.conv' op inferred type(s) 'tensor<1x4x6x6xf32>' are incompatible with return type(s) of operation 'tensor<1x4x8x8xf32>'}}
  // expected-error @+1 {{'prim.conv' op failed to infer returned types}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

func.func @dim_out_of_range(%x: tensor<?x3xf32>) -> index {
  // expected-error @+1 {{'prim.dim' op dim 2 is out of range for rank 2}}
  %n = prim.dim %x {dim = 2} : tensor<?x3xf32>
  return %n : index
}

// -----

func.func @broadcast_sizes_count(%s: tensor<f32>, %n: index) -> tensor<?x?xf32> {
  // expected-error @+1 {{'prim.broadcast_in_dim' op needs one size per dynamic result dimension (2), got 1}}
  %0 = prim.broadcast_in_dim %s sizes(%n) {dims = array<i64>} : (tensor<f32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @reshape_sizes_count(%x: tensor<?x4xf32>) -> tensor<?x2x?xf32> {
  %n = prim.dim %x {dim = 0} : tensor<?x4xf32>
  // expected-error @+1 {{'prim.reshape' op needs one size per dynamic result dimension (2), got 1}}
  %0 = prim.reshape %x sizes(%n) : (tensor<?x4xf32>) -> tensor<?x2x?xf32>
  return %0 : tensor<?x2x?xf32>
}

// -----

func.func @from_sizes_count(%n: index) -> tensor<3xi64> {
  // expected-error @+1 {{'prim.from_sizes' op needs a 1-D result with one element per size (or a 0-D one of one size), got 'tensor<3xi64>' for 1}}
  %0 = prim.from_sizes %n : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @size_at_out_of_range(%s: tensor<2xi64>) -> index {
  // expected-error @+1 {{'prim.size_at' op index 2 is not an element of 'tensor<2xi64>'}}
  %0 = prim.size_at %s {index = 2} : tensor<2xi64>
  return %0 : index
}

// -----

func.func @iota_dim(%n: index) -> tensor<?xi64> {
  // expected-error @+1 {{'prim.iota' op dim 1 is out of range for rank 1}}
  %0 = prim.iota sizes(%n) {dim = 1} : tensor<?xi64>
  return %0 : tensor<?xi64>
}

// -----

func.func @gather_shape(%x: tensor<5x3xf32>, %i: tensor<2xi64>) -> tensor<3x2xf32> {
  // expected-error @+1 {{'prim.gather' op result must have shape [operand dims before axis, indices dims, operand dims after axis]}}
  %0 = prim.gather %x, %i {axis = 0} : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @dynamic_slice_strides(%x: tensor<4xf32>, %s: index) -> tensor<2xf32> {
  // expected-error @+1 {{'prim.dynamic_slice' op strides must be positive}}
  %0 = prim.dynamic_slice %x starts(%s) {strides = array<i64: 0>} : (tensor<4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
