//===- Importer.cpp - ONNX ModelProto to the onnx dialect -----------------===//
//
// Reads a ModelProto with libonnx's protobuf types and builds one function in
// the onnx dialect: graph inputs become arguments, initializers become
// constants (dense_resource blobs, or dense attributes when tiny), every node
// becomes an onnx.node, graph outputs are returned.
//
//===----------------------------------------------------------------------===//
#include "dlc/Import/Importer.h"

#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"
#include "dlc/Support/MlirDType.h"
#include "dlc/Support/TensorProto.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <onnx/onnx_pb.h>

using namespace mlir;

namespace {

/// Elements at or below this count stay readable dense attributes; larger
/// initializers become dense_resource blobs.
constexpr int64_t kMaxInlineElements = 16;

class Importer {
public:
  Importer(MLIRContext &context, StringRef path, const dlc::ImportOptions &opts)
      : context(context), builder(&context), path(path.str()), options(opts) {}

  llvm::Expected<OwningOpRef<ModuleOp>> run();

private:
  llvm::Error error(const Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " + message);
  }
  llvm::Error nodeError(const ::onnx::NodeProto &node, const Twine &message) {
    return error("node '" + node.name() + "' (" + node.op_type() +
                 "): " + message);
  }

  llvm::Expected<Type> convertElementType(int32_t dataType, const Twine &what);
  llvm::Expected<ElementsAttr> convertTensor(const ::onnx::TensorProto &tensor,
                                             const Twine &what);
  llvm::Error readExternalData(const ::onnx::TensorProto &tensor,
                               const Twine &what, std::string &bytes);
  llvm::Expected<NamedAttribute>
  convertAttribute(const ::onnx::NodeProto &node,
                   const ::onnx::AttributeProto &attr);

  /// Dims of an ONNX shape (unknown ones dynamic) and their symbolic names
  /// ("" where a dim has none).
  void readShape(const ::onnx::TensorShapeProto &proto,
                 SmallVectorImpl<int64_t> &shape,
                 SmallVectorImpl<Attribute> &dimParams) {
    for (const auto &dim : proto.dim()) {
      bool known = dim.has_dim_value() && dim.dim_value() >= 0;
      shape.push_back(known ? dim.dim_value() : ShapedType::kDynamic);
      dimParams.push_back(builder.getStringAttr(
          dim.has_dim_param() ? dim.dim_param() : std::string()));
    }
  }
  /// Adds `onnx.dim_params` when any dim has a symbolic name.
  void addDimParams(SmallVectorImpl<NamedAttribute> &attrs,
                    ArrayRef<Attribute> dimParams) {
    if (llvm::any_of(dimParams, [](Attribute a) {
          return !cast<StringAttr>(a).getValue().empty();
        }))
      attrs.push_back(builder.getNamedAttr(dlc::kDimParamsAttr,
                                           builder.getArrayAttr(dimParams)));
  }

  MLIRContext &context;
  OpBuilder builder;
  std::string path;
  const dlc::ImportOptions &options;
  unsigned blobCounter = 0;
};

} // namespace

llvm::Expected<Type> Importer::convertElementType(int32_t dataType,
                                                  const Twine &what) {
  if (const dlc::DType *dtype = dlc::dtypeFromOnnx(dataType))
    return dlc::getMlirType(&context, *dtype);
  return error(what + ": element type " + dlc::onnxTypeName(dataType) +
               " is not supported");
}

llvm::Error Importer::readExternalData(const ::onnx::TensorProto &tensor,
                                       const Twine &what, std::string &bytes) {
  std::string location;
  int64_t offset = 0, length = -1;
  for (const auto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset")
      offset = std::atoll(entry.value().c_str());
    else if (entry.key() == "length")
      length = std::atoll(entry.value().c_str());
  }
  if (location.empty())
    return error(what + ": external data without a location");
  // The data must live inside the model's directory: no absolute paths, no
  // way out through '..' or symbolic links.
  SmallString<256> modelDir(path);
  llvm::sys::path::remove_filename(modelDir);
  if (modelDir.empty())
    modelDir = ".";
  SmallString<256> realDir, realFile;
  if (llvm::sys::path::is_absolute(location) ||
      llvm::sys::fs::real_path(modelDir, realDir))
    return error(what + ": external data location '" + location +
                 "' is outside the model's directory");
  SmallString<256> file(modelDir);
  llvm::sys::path::append(file, location);
  if (llvm::sys::fs::real_path(file, realFile))
    return error(what + ": cannot open external data file '" + location + "'");
  StringRef dirRef(realDir), fileRef(realFile);
  if (!fileRef.starts_with(dirRef) || fileRef.size() <= dirRef.size() ||
      fileRef[dirRef.size()] != '/')
    return error(what + ": external data location '" + location +
                 "' is outside the model's directory");
  auto buffer = llvm::MemoryBuffer::getFile(realFile, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return error(what + ": cannot read external data file '" + location + "'");
  int64_t size = (*buffer)->getBufferSize();
  if (offset < 0 || offset > size)
    return error(what + ": external data offset out of range");
  if (length < 0)
    length = size - offset;
  if (length > size - offset)
    return error(what + ": external data file '" + location +
                 "' is shorter than the tensor");
  bytes.assign((*buffer)->getBufferStart() + offset, length);
  return llvm::Error::success();
}

llvm::Expected<ElementsAttr>
Importer::convertTensor(const ::onnx::TensorProto &tensor, const Twine &what) {
  llvm::Expected<dlc::TensorProtoShape> shape = dlc::checkTensorProto(tensor);
  if (!shape)
    return error(what + ": " + llvm::toString(shape.takeError()));
  Type elementType = dlc::getMlirType(&context, *shape->dtype);
  auto type = RankedTensorType::get(shape->dims, elementType);

  // The compact little-endian bytes, bools one byte each.
  std::string bytes;
  if (tensor.data_location() == ::onnx::TensorProto::EXTERNAL) {
    if (auto err = readExternalData(tensor, what, bytes))
      return std::move(err);
    if (bytes.size() != shape->sizeInBytes())
      return error(what + ": external data holds " + Twine(bytes.size()) +
                   " bytes, but " + shape->typeString() + " needs " +
                   Twine(shape->sizeInBytes()));
  } else {
    bytes.resize(shape->sizeInBytes());
    dlc::copyTensorProtoData(tensor, *shape,
                             reinterpret_cast<uint8_t *>(bytes.data()));
  }

  if (shape->dtype->isBool()) {
    SmallVector<bool> values;
    for (char c : bytes)
      values.push_back(c != 0);
    return cast<ElementsAttr>(DenseElementsAttr::get(type, values));
  }
  if (shape->numElements <= kMaxInlineElements) {
    ArrayRef<char> raw(bytes.data(), bytes.size());
    bool detectedSplat = false;
    if (!DenseElementsAttr::isValidRawBuffer(type, raw, detectedSplat))
      return error(what + ": malformed tensor data");
    return cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(type, raw));
  }
  std::string blobName = "onnx_tensor_" + std::to_string(blobCounter++);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      ArrayRef<char>(bytes.data(), bytes.size()), alignof(uint64_t));
  return cast<ElementsAttr>(
      DenseResourceElementsAttr::get(type, blobName, std::move(blob)));
}

llvm::Expected<NamedAttribute>
Importer::convertAttribute(const ::onnx::NodeProto &node,
                           const ::onnx::AttributeProto &attr) {
  using AP = ::onnx::AttributeProto;
  AP::AttributeType kind = attr.type();
  if (kind == AP::UNDEFINED) { // Very old files leave the type unset.
    if (attr.has_f())
      kind = AP::FLOAT;
    else if (attr.has_i())
      kind = AP::INT;
    else if (attr.has_s())
      kind = AP::STRING;
    else if (attr.has_t())
      kind = AP::TENSOR;
    else if (attr.floats_size())
      kind = AP::FLOATS;
    else if (attr.ints_size())
      kind = AP::INTS;
    else if (attr.strings_size())
      kind = AP::STRINGS;
  }
  StringAttr name = builder.getStringAttr(attr.name());
  switch (kind) {
  case AP::FLOAT:
    return NamedAttribute(name, builder.getF32FloatAttr(attr.f()));
  case AP::INT:
    return NamedAttribute(name, builder.getI64IntegerAttr(attr.i()));
  case AP::STRING:
    return NamedAttribute(name, builder.getStringAttr(attr.s()));
  case AP::FLOATS:
    return NamedAttribute(name,
                          builder.getDenseF32ArrayAttr(SmallVector<float>(
                              attr.floats().begin(), attr.floats().end())));
  case AP::INTS:
    return NamedAttribute(name,
                          builder.getDenseI64ArrayAttr(SmallVector<int64_t>(
                              attr.ints().begin(), attr.ints().end())));
  case AP::STRINGS: {
    SmallVector<Attribute> strings;
    for (const std::string &s : attr.strings())
      strings.push_back(builder.getStringAttr(s));
    return NamedAttribute(name, builder.getArrayAttr(strings));
  }
  case AP::TENSOR: {
    auto value = convertTensor(attr.t(), "node '" + node.name() + "' (" +
                                             node.op_type() + ") attribute '" +
                                             attr.name() + "'");
    if (!value)
      return value.takeError();
    return NamedAttribute(name, *value);
  }
  default:
    return nodeError(node, "attribute '" + attr.name() + "' has kind " +
                               AP::AttributeType_Name(kind) +
                               ", which dlc does not support yet");
  }
}

llvm::Expected<OwningOpRef<ModuleOp>> Importer::run() {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return error("cannot read file: " + file.getError().message());
  ::onnx::ModelProto model;
  StringRef data = (*file)->getBuffer();
  if (data.empty() || data.size() > (size_t)INT32_MAX ||
      !model.ParseFromArray(data.data(), (int)data.size()))
    return error("not a valid ONNX model (the protobuf does not parse; is the "
                 "file truncated or not an .onnx file?)");
  if (!model.has_graph() || model.ir_version() <= 0)
    return error("not a valid ONNX model (no graph or no IR version)");
  const ::onnx::GraphProto &graph = model.graph();

  context.loadDialect<dlc::onnx::OnnxDialect, arith::ArithDialect,
                      func::FuncDialect>();
  Location loc = FileLineColLoc::get(&context, path, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);

  // Opsets: one version per domain; "ai.onnx" is the default domain.
  llvm::StringMap<int64_t> opsets;
  SmallVector<NamedAttribute> opsetAttrs;
  for (const auto &opset : model.opset_import()) {
    std::string domain = opset.domain() == "ai.onnx" ? "" : opset.domain();
    opsets[domain] = opset.version();
    // Named "ai.onnx" in the attribute: MLIR has no empty attribute names.
    opsetAttrs.push_back(
        builder.getNamedAttr(domain.empty() ? "ai.onnx" : domain,
                             builder.getI64IntegerAttr(opset.version())));
  }
  if (!opsets.count(""))
    return error("the model imports no opset for the default ONNX domain");
  (*module)->setAttr(dlc::kOpsetImportAttr,
                     builder.getDictionaryAttr(opsetAttrs));
  (*module)->setAttr(dlc::kSourceAttr, builder.getStringAttr(path));

  // Graph inputs that are not initializers become arguments.
  llvm::StringSet<> initializerNames;
  for (const auto &init : graph.initializer())
    initializerNames.insert(init.name());
  SmallVector<Type> argTypes;
  SmallVector<DictionaryAttr> argAttrs;
  SmallVector<std::string> argNames;
  llvm::StringSet<> usedShapes;
  for (const auto &input : graph.input()) {
    if (initializerNames.contains(input.name()))
      continue;
    std::string what = "graph input '" + input.name() + "'";
    if (!input.type().has_tensor_type())
      return error(what + " is not a tensor (sequences, maps and optionals "
                          "are not supported)");
    const auto &tensorType = input.type().tensor_type();
    auto elementType = convertElementType(tensorType.elem_type(), what);
    if (!elementType)
      return elementType.takeError();
    if (!tensorType.has_shape())
      return error(what + " has no shape; give one with --shape " +
                   input.name() + "=DxDx...");
    SmallVector<int64_t> shape;
    SmallVector<Attribute> dimParams;
    readShape(tensorType.shape(), shape, dimParams);
    auto it = options.inputShapes.find(input.name());
    if (it != options.inputShapes.end()) {
      usedShapes.insert(input.name());
      if (it->second.size() != shape.size())
        return error("--shape " + input.name() + " gives " +
                     Twine(it->second.size()) + " dims, the input has rank " +
                     Twine(shape.size()));
      for (auto [i, d] : llvm::enumerate(it->second)) {
        if (!ShapedType::isDynamic(shape[i]) && shape[i] != d)
          return error("--shape " + input.name() + ": dim " + Twine(i) +
                       " is fixed to " + Twine(shape[i]) + " by the model");
        shape[i] = d;
      }
    }
    int64_t numel = 1;
    for (int64_t d : shape)
      if (!ShapedType::isDynamic(d) &&
          (d < 0 || llvm::MulOverflow(numel, d, numel) ||
           numel > (int64_t(1) << 40)))
        return error(what + " is too large");
    argTypes.push_back(RankedTensorType::get(shape, *elementType));
    SmallVector<NamedAttribute> attrs = {builder.getNamedAttr(
        dlc::kNameAttr, builder.getStringAttr(input.name()))};
    addDimParams(attrs, dimParams);
    argAttrs.push_back(builder.getDictionaryAttr(attrs));
    argNames.push_back(input.name());
  }
  for (const auto &entry : options.inputShapes)
    if (!usedShapes.contains(entry.getKey()))
      return error("--shape names '" + entry.getKey().str() +
                   "', which is not a graph input");

  auto funcType = builder.getFunctionType(argTypes, {});
  builder.setInsertionPointToEnd(module->getBody());
  auto func =
      builder.create<func::FuncOp>(loc, dlc::kGraphFunctionName, funcType);
  func.setAllArgAttrs(argAttrs);
  Block *body = func.addEntryBlock();
  builder.setInsertionPointToEnd(body);

  llvm::StringMap<Value> values;
  for (auto [i, name] : llvm::enumerate(argNames))
    values[name] = body->getArgument(i);
  for (const auto &init : graph.initializer()) {
    auto attr = convertTensor(init, "initializer '" + init.name() + "'");
    if (!attr)
      return attr.takeError();
    values[init.name()] = builder.create<arith::ConstantOp>(
        NameLoc::get(builder.getStringAttr(init.name())),
        cast<TypedAttr>(*attr));
  }

  Value none;
  auto valueType = dlc::onnx::ValueType::get(&context);
  for (const auto &node : graph.node()) {
    SmallVector<Value> operands;
    for (const std::string &input : node.input()) {
      if (input.empty()) {
        if (!none)
          none = builder.create<dlc::onnx::NoneOp>(loc, builder.getNoneType());
        operands.push_back(none);
        continue;
      }
      auto it = values.find(input);
      if (it == values.end())
        return nodeError(node, "reads '" + input +
                                   "', which no node, graph input or "
                                   "initializer before it produces");
      operands.push_back(it->second);
    }
    SmallVector<NamedAttribute> attrs;
    for (const auto &attr : node.attribute()) {
      auto converted = convertAttribute(node, attr);
      if (!converted)
        return converted.takeError();
      attrs.push_back(*converted);
    }
    std::string domain = node.domain() == "ai.onnx" ? "" : node.domain();
    auto opset = opsets.find(domain);
    if (opset == opsets.end())
      return nodeError(node, "its domain '" + domain +
                                 "' is not in the model's opset imports");
    SmallVector<Type> resultTypes(node.output_size(), valueType);
    std::string nodeName = node.name();
    Location nodeLoc = NameLoc::get(
        builder.getStringAttr(nodeName.empty() ? node.op_type() : nodeName),
        loc);
    auto op = builder.create<dlc::onnx::NodeOp>(
        nodeLoc, resultTypes, operands, builder.getStringAttr(node.op_type()),
        builder.getStringAttr(domain), builder.getI64IntegerAttr(opset->second),
        builder.getStringAttr(nodeName), builder.getDictionaryAttr(attrs));
    for (auto [i, output] : llvm::enumerate(node.output()))
      if (!output.empty())
        values[output] = op.getResult(i);
  }

  SmallVector<Value> results;
  SmallVector<DictionaryAttr> resultAttrs;
  for (const auto &output : graph.output()) {
    auto it = values.find(output.name());
    if (it == values.end())
      return error("graph output '" + output.name() +
                   "' is produced by no node, input or initializer");
    results.push_back(it->second);
    SmallVector<NamedAttribute> attrs = {builder.getNamedAttr(
        dlc::kNameAttr, builder.getStringAttr(output.name()))};
    // The type the file declares, if any: for `dlc inspect`, before (or
    // without) conversion. Optional in ONNX, so never an error here.
    const auto &declared = output.type().tensor_type();
    if (output.type().has_tensor_type() && declared.has_shape() &&
        ::onnx::TensorProto::DataType_IsValid(declared.elem_type())) {
      auto elementType = convertElementType(declared.elem_type(), "");
      if (elementType) {
        SmallVector<int64_t> shape;
        SmallVector<Attribute> dimParams;
        readShape(declared.shape(), shape, dimParams);
        attrs.push_back(builder.getNamedAttr(
            dlc::kDeclaredTypeAttr,
            TypeAttr::get(RankedTensorType::get(shape, *elementType))));
        addDimParams(attrs, dimParams);
      } else {
        llvm::consumeError(elementType.takeError());
      }
    }
    resultAttrs.push_back(builder.getDictionaryAttr(attrs));
  }
  if (results.empty())
    return error("the graph has no outputs");
  builder.create<func::ReturnOp>(loc, results);
  func.setFunctionType(
      builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  func.setAllResultAttrs(resultAttrs);
  return std::move(module);
}

llvm::Expected<OwningOpRef<ModuleOp>>
dlc::importOnnxFile(MLIRContext &context, StringRef path,
                    const ImportOptions &options) {
  Importer importer(context, path, options);
  return importer.run();
}
