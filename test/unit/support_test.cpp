//===- support_test.cpp - The dtype table and the TensorProto decoder -----===//

#include "dlc/Support/MlirDType.h"
#include "dlc/Support/TensorProto.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include <onnx/onnx_pb.h>

#include <doctest/doctest.h>

#include <cstring>

using namespace dlc;
using TP = onnx::TensorProto;

TEST_CASE("every row round-trips through each spelling") {
  mlir::MLIRContext context;
  for (const DType &row : allDTypes()) {
    CAPTURE(row.name.str());
    CHECK(TP::DataType_IsValid(row.onnxType));
    CHECK(TP::DataType_Name(static_cast<TP::DataType>(row.onnxType)) ==
          row.onnxName.str());
    CHECK(dtypeFromOnnx(row.onnxType) == &row);
    CHECK(dtypeFromOnnxName(row.onnxName) == &row);
    CHECK(dtypeFromDLPack(row.dlpack()) == &row);
    CHECK(dtypeName(row.dlpack()) == row.name.str());
    CHECK(dtypeFromMlir(getMlirType(&context, row)) == &row);
  }
}

TEST_CASE("types outside the table") {
  mlir::MLIRContext context;
  CHECK(dtypeFromOnnx(TP::STRING) == nullptr);
  CHECK(dtypeFromOnnx((int64_t(1) << 32) + TP::FLOAT) == nullptr);
  CHECK(dtypeFromDLPack({kDLFloat, 32, 4}) == nullptr);
  CHECK(dtypeName({kDLFloat, 8, 1}) == "dtype(code=2,bits=8,lanes=1)");
  CHECK(dtypeFromMlir(mlir::IntegerType::get(&context, 72)) == nullptr);
  CHECK(dtypeFromMlir(mlir::Float8E4M3FNType::get(&context)) == nullptr);
  // Signed and signless integers are both int.
  CHECK(dtypeFromMlir(
            mlir::IntegerType::get(&context, 32, mlir::IntegerType::Signed))
            ->name == "int32");
  CHECK(onnxTypeName(TP::STRING) == "STRING");
  CHECK(onnxTypeName(99) == "#99");
  CHECK(formatType({kDLInt, 64, 1}, {2, -1}) == "int64[2,?]");
}

namespace {

std::vector<uint8_t> decode(const TP &tensor) {
  llvm::Expected<TensorProtoShape> shape = checkTensorProto(tensor);
  REQUIRE(static_cast<bool>(shape));
  std::vector<uint8_t> bytes(shape->sizeInBytes());
  copyTensorProtoData(tensor, *shape, bytes.data());
  return bytes;
}

std::string error(const TP &tensor) {
  llvm::Expected<TensorProtoShape> shape = checkTensorProto(tensor);
  REQUIRE(!shape);
  return llvm::toString(shape.takeError());
}

} // namespace

TEST_CASE("typed fields decode to compact little-endian bytes") {
  TP tensor;
  tensor.set_data_type(TP::INT16);
  tensor.add_dims(3);
  for (int32_t v : {1, -2, 0x12345})
    tensor.add_int32_data(v);
  std::vector<uint8_t> bytes = decode(tensor);
  int16_t values[3];
  std::memcpy(values, bytes.data(), sizeof(values));
  CHECK(values[0] == 1);
  CHECK(values[1] == -2);
  CHECK(values[2] == 0x2345);

  TP flags;
  flags.set_data_type(TP::BOOL);
  flags.add_dims(2);
  flags.add_int32_data(0);
  flags.add_int32_data(256);
  CHECK(decode(flags) == std::vector<uint8_t>{0, 1});

  TP wide;
  wide.set_data_type(TP::UINT32);
  wide.add_uint64_data(0xdeadbeef);
  uint32_t scalar;
  std::memcpy(&scalar, decode(wide).data(), sizeof(scalar));
  CHECK(scalar == 0xdeadbeef);

  TP raw;
  raw.set_data_type(TP::FLOAT);
  raw.add_dims(1);
  float one = 1.0f;
  raw.set_raw_data(&one, sizeof(one));
  CHECK(decode(raw).size() == 4);
}

TEST_CASE("malformed tensors") {
  TP tensor;
  tensor.set_data_type(TP::STRING);
  CHECK(error(tensor) == "element type STRING is not supported");

  tensor.set_data_type(TP::FLOAT);
  tensor.add_dims(2);
  tensor.add_dims(-3);
  CHECK(error(tensor) == "invalid dims float32[2,?]");

  tensor.set_dims(1, 3);
  tensor.add_float_data(1);
  CHECK(error(tensor) == "float_data holds 1 values, but float32[2,3] needs 6");

  tensor.set_raw_data(std::string(8, '\0'));
  CHECK(error(tensor) == "raw_data holds 8 bytes, but float32[2,3] needs 24");

  TP huge;
  huge.set_data_type(TP::DOUBLE);
  huge.add_dims(int64_t(1) << 62);
  CHECK(error(huge) == "invalid dims float64[4611686018427387904]");

  // External data is the caller's: only the type and dims are checked.
  TP external;
  external.set_data_type(TP::FLOAT);
  external.add_dims(4);
  external.set_data_location(TP::EXTERNAL);
  CHECK(static_cast<bool>(checkTensorProto(external)));
}
