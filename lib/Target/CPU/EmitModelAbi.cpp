//===- EmitModelAbi.cpp - the entry point and metadata dlcrt calls --------===//
//
// dlcrt knows nothing about a model's signature. It reads the
// `dlc_model_metadata` string and calls `dlc_model_entry(void **args)` with
// one memref descriptor pointer per input and output; this pass emits both
// in the LLVM dialect, forwarding to the graph's C interface.
//
//===----------------------------------------------------------------------===//
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace dlc {
#define GEN_PASS_DEF_EMITMODELABI
#define GEN_PASS_DEF_RECORDMODELMETADATA
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

constexpr StringLiteral kMetadataAttr = "dlc.model_metadata";
constexpr StringLiteral kPackTableAttr = "dlc.pack_table";
constexpr StringLiteral kEntryTarget = "_mlir_ciface_main_graph";

/// One metadata line: `<name_len> <name> <code> <bits> <rank> <dims...>`,
/// with DLPack type codes (6 for bool) and -1 for dynamic dims.
LogicalResult describe(Operation *anchor, StringRef name, Type type,
                       llvm::raw_ostream &os) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return anchor->emitError("graph value '")
           << name << "' is not a ranked tensor";
  Type element = tensor.getElementType();
  int code, bits = element.getIntOrFloatBitWidth();
  if (element.isInteger(1)) {
    code = 6;
    bits = 8;
  } else if (element.isBF16()) {
    code = 4;
  } else if (isa<FloatType>(element)) {
    code = 2;
  } else if (element.isUnsignedInteger()) {
    code = 1;
  } else {
    code = 0;
  }
  os << name.size() << ' ' << name << ' ' << code << ' ' << bits << ' '
     << tensor.getRank();
  for (int64_t d : tensor.getShape())
    os << ' ' << (ShapedType::isDynamic(d) ? -1 : d);
  os << '\n';
  return success();
}

struct RecordModelMetadataPass
    : dlc::impl::RecordModelMetadataBase<RecordModelMetadataPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto func = module.lookupSymbol<func::FuncOp>("main_graph");
    if (!func) {
      module.emitError("no main_graph function");
      return signalPassFailure();
    }
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "dlc-model 1\ninputs " << func.getNumArguments() << '\n';
    auto nameOf = [](DictionaryAttr attrs, unsigned index) -> std::string {
      if (auto name = attrs ? attrs.getAs<StringAttr>("onnx.name") : nullptr)
        return name.str();
      return std::to_string(index);
    };
    for (unsigned i = 0; i < func.getNumArguments(); ++i)
      if (failed(describe(func, nameOf(func.getArgAttrDict(i), i),
                          func.getArgumentTypes()[i], os)))
        return signalPassFailure();
    os << "outputs " << func.getNumResults() << '\n';
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      if (failed(describe(func, nameOf(func.getResultAttrDict(i), i),
                          func.getResultTypes()[i], os)))
        return signalPassFailure();
    module->setAttr(kMetadataAttr, StringAttr::get(&getContext(), text));
    func->setAttr("llvm.emit_c_interface", UnitAttr::get(&getContext()));
  }
};

/// const dlc_pack_source dlc_model_pack_table[] = {{data, k, n, rs, cs}...};
/// const int64_t dlc_model_pack_count = N;  (one zero entry when N is 0)
void emitPackTable(OpBuilder &b, Location loc, ArrayAttr entries) {
  MLIRContext *ctx = b.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  auto i64 = b.getI64Type();
  auto entryType =
      LLVM::LLVMStructType::getLiteral(ctx, {ptrType, i64, i64, i64, i64});
  auto tableType =
      LLVM::LLVMArrayType::get(entryType, std::max<size_t>(1, entries.size()));
  auto table = b.create<LLVM::GlobalOp>(loc, tableType, /*isConstant=*/true,
                                        LLVM::Linkage::External,
                                        "dlc_model_pack_table", Attribute());
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(b.createBlock(&table.getInitializerRegion()));
    Value array = b.create<LLVM::ZeroOp>(loc, tableType);
    for (auto [i, attr] : llvm::enumerate(entries)) {
      auto entry = cast<DictionaryAttr>(attr);
      Value value = b.create<LLVM::UndefOp>(loc, entryType);
      Value data = b.create<LLVM::AddressOfOp>(
          loc, ptrType, entry.getAs<FlatSymbolRefAttr>("global").getValue());
      value = b.create<LLVM::InsertValueOp>(loc, value, data, 0);
      static constexpr StringLiteral fields[] = {"k", "n", "rs", "cs"};
      for (auto [field, name] : llvm::enumerate(fields)) {
        Value v = b.create<LLVM::ConstantOp>(loc, i64,
                                             entry.getAs<IntegerAttr>(name));
        value = b.create<LLVM::InsertValueOp>(loc, value, v, field + 1);
      }
      array = b.create<LLVM::InsertValueOp>(loc, array, value, i);
    }
    b.create<LLVM::ReturnOp>(loc, array);
  }
  b.create<LLVM::GlobalOp>(loc, i64, /*isConstant=*/true,
                           LLVM::Linkage::External, "dlc_model_pack_count",
                           b.getI64IntegerAttr(entries.size()));
}

struct EmitModelAbiPass : dlc::impl::EmitModelAbiBase<EmitModelAbiPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto metadata = module->getAttrOfType<StringAttr>(kMetadataAttr);
    auto target = module.lookupSymbol<LLVM::LLVMFuncOp>(kEntryTarget);
    if (!metadata || !target) {
      module.emitError("dlc-emit-model-abi needs the ")
          << kMetadataAttr << " attribute and an LLVM function "
          << kEntryTarget;
      return signalPassFailure();
    }
    MLIRContext *ctx = &getContext();
    OpBuilder b(module.getBodyRegion());
    b.setInsertionPointToEnd(module.getBody());
    Location loc = module.getLoc();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);

    // const char dlc_model_metadata[] = "...";
    std::string text = metadata.str();
    text.push_back('\0');
    auto arrayType =
        LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), text.size());
    b.create<LLVM::GlobalOp>(loc, arrayType, /*isConstant=*/true,
                             LLVM::Linkage::External, "dlc_model_metadata",
                             b.getStringAttr(text));

    // The constant GEMM operands the runtime packs at open (see
    // dlc-linalg-to-microkernels); main_graph then takes the packed array
    // as its last argument.
    auto packTable = module->getAttrOfType<ArrayAttr>(kPackTableAttr);
    emitPackTable(b, loc, packTable ? packTable : b.getArrayAttr({}));

    // void dlc_model_entry(void **args, void *const *packed) {
    //   target(args[0], args[1], ..., [packed]);
    // }
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    auto entry = b.create<LLVM::LLVMFuncOp>(
        loc, "dlc_model_entry",
        LLVM::LLVMFunctionType::get(voidType, {ptrType, ptrType}));
    Block *body = entry.addEntryBlock(b);
    b.setInsertionPointToStart(body);
    SmallVector<Value> args;
    unsigned numTensors = target.getNumArguments() - (packTable ? 1 : 0);
    for (unsigned i = 0; i < numTensors; ++i) {
      Value slot =
          b.create<LLVM::GEPOp>(loc, ptrType, ptrType, body->getArgument(0),
                                ArrayRef<LLVM::GEPArg>{(int32_t)i});
      args.push_back(b.create<LLVM::LoadOp>(loc, ptrType, slot));
    }
    if (packTable)
      args.push_back(body->getArgument(1));
    b.create<LLVM::CallOp>(loc, target, args);
    b.create<LLVM::ReturnOp>(loc, ValueRange{});
    module->removeAttr(kPackTableAttr);
    module->removeAttr(kMetadataAttr);
  }
};

} // namespace
