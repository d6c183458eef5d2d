//===- EmitModelAbi.cpp - the function table and metadata dlcrt reads -----===//
//
// dlcrt knows nothing about a model's signatures. It reads the
// `dlc_model_metadata` string and calls entry i of `dlc_model_functions`
// with one memref descriptor pointer per input and output (ABI v2, see
// lib/Runtime/model.c). These passes record the metadata on prim, turn
// static-shaped results into out-parameters on buffers, and emit the
// entries in the LLVM dialect, forwarding to each function's C interface.
//
//===----------------------------------------------------------------------===//
#include "dlc/Conversion/Passes.h"
#include "dlc/Support/MlirDType.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"

namespace dlc {
#define GEN_PASS_DEF_ABIOUTPARAMS
#define GEN_PASS_DEF_EMITMODELABI
#define GEN_PASS_DEF_LOWERSHAPECHECKS
#define GEN_PASS_DEF_RECORDMODELMETADATA
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

constexpr StringLiteral kMetadataAttr = "dlc.model_metadata";
constexpr StringLiteral kFunctionsAttr = "dlc.functions";
constexpr StringLiteral kDynamicOutputAttr = "dlc.dynamic_output";
constexpr StringLiteral kOutputIndexAttr = "dlc.output_index";
constexpr StringLiteral kPackTableAttr = "dlc.pack_table";

/// One metadata line: `<name_len> <name> <code> <bits> <rank> <dims...>`,
/// with DLPack type codes (6 for bool), -1 for a dynamic dim without a name
/// and `?<len>:<name>` for one with a name from `onnx.dim_params`.
LogicalResult describe(Operation *anchor, StringRef name, Type type,
                       ArrayAttr dimParams, llvm::raw_ostream &os) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return anchor->emitError("graph value '")
           << name << "' is not a ranked tensor";
  const dlc::DType *dtype = dlc::dtypeFromMlir(tensor.getElementType());
  if (!dtype)
    return anchor->emitError("graph value '")
           << name << "' has element type " << tensor.getElementType()
           << ", which has no DLPack dtype";
  os << name.size() << ' ' << name << ' ' << int(dtype->code) << ' '
     << int(dtype->bits) << ' ' << tensor.getRank();
  for (auto [d, size] : llvm::enumerate(tensor.getShape())) {
    StringRef param;
    if (dimParams && d < dimParams.size())
      if (auto str = dyn_cast<StringAttr>(dimParams[d]))
        param = str.getValue();
    if (!ShapedType::isDynamic(size))
      os << ' ' << size;
    else if (param.empty())
      os << " -1";
    else
      os << " ?" << param.size() << ':' << param;
  }
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
    MLIRContext *ctx = &getContext();
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "dlc-model 2\nfunction 4 main\ninputs " << func.getNumArguments()
       << '\n';
    auto nameOf = [](DictionaryAttr attrs, unsigned index) -> std::string {
      if (auto name = attrs ? attrs.getAs<StringAttr>("onnx.name") : nullptr)
        return name.str();
      return std::to_string(index);
    };
    auto paramsOf = [](DictionaryAttr attrs) {
      return attrs ? attrs.getAs<ArrayAttr>("onnx.dim_params") : ArrayAttr();
    };
    for (unsigned i = 0; i < func.getNumArguments(); ++i) {
      DictionaryAttr attrs = func.getArgAttrDict(i);
      if (failed(describe(func, nameOf(attrs, i), func.getArgumentTypes()[i],
                          paramsOf(attrs), os)))
        return signalPassFailure();
    }
    os << "outputs " << func.getNumResults() << '\n';
    for (unsigned i = 0; i < func.getNumResults(); ++i) {
      DictionaryAttr attrs = func.getResultAttrDict(i);
      Type type = func.getResultTypes()[i];
      if (failed(describe(func, nameOf(attrs, i), type, paramsOf(attrs), os)))
        return signalPassFailure();
      if (!cast<RankedTensorType>(type).hasStaticShape())
        func.setResultAttr(i, kDynamicOutputAttr, UnitAttr::get(ctx));
    }
    module->setAttr(kMetadataAttr, StringAttr::get(ctx, text));
    module->setAttr(kFunctionsAttr,
                    ArrayAttr::get(ctx, {FlatSymbolRefAttr::get(func)}));
    func->setAttr("llvm.emit_c_interface", UnitAttr::get(ctx));
  }
};

/// The functions `dlc.functions` lists, in order; an error if one is not a
/// function of kind FuncT.
template <typename FuncT>
FailureOr<SmallVector<FuncT>> listedFunctions(ModuleOp module,
                                              StringRef prefix = "") {
  auto list = module->getAttrOfType<ArrayAttr>(kFunctionsAttr);
  if (!list)
    return module.emitError("no ") << kFunctionsAttr << " attribute";
  SmallVector<FuncT> funcs;
  for (Attribute attr : list) {
    auto ref = dyn_cast<FlatSymbolRefAttr>(attr);
    FuncT func =
        ref ? module.lookupSymbol<FuncT>((prefix + ref.getValue()).str())
            : FuncT();
    if (!func)
      return module.emitError("function ")
             << attr << " of " << kFunctionsAttr << " not found";
    funcs.push_back(func);
  }
  return funcs;
}

struct AbiOutParamsPass : dlc::impl::AbiOutParamsBase<AbiOutParamsPass> {
  void runOnOperation() override {
    auto funcs = listedFunctions<func::FuncOp>(getOperation());
    if (failed(funcs))
      return signalPassFailure();
    for (func::FuncOp func : *funcs)
      if (failed(convert(func)))
        return signalPassFailure();
  }

  LogicalResult convert(func::FuncOp func) {
    if (func.isExternal() || !func.getBody().hasOneBlock())
      return func.emitError("expected a function with one block");
    Block &body = func.getBody().front();
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    OpBuilder b(ret);
    llvm::BitVector erased(func.getNumResults());
    for (unsigned i = 0; i < func.getNumResults(); ++i) {
      if (func.getResultAttr(i, kDynamicOutputAttr))
        continue;
      auto type = dyn_cast<MemRefType>(func.getResultTypes()[i]);
      if (!type || !type.hasStaticShape() || !type.getLayout().isIdentity())
        return func.emitError("result ")
               << i << " is not a static identity-layout memref";
      SmallVector<NamedAttribute> attrs(func.getResultAttrs(i));
      attrs.push_back(b.getNamedAttr(kOutputIndexAttr, b.getI64IntegerAttr(i)));
      unsigned index = func.getNumArguments();
      func.insertArgument(index, type, b.getDictionaryAttr(attrs),
                          func.getLoc());
      Value out = func.getArgument(index);
      Value result = ret.getOperand(i);
      // An allocation of this function is written in place.
      auto alloc = result.getDefiningOp<memref::AllocOp>();
      if (alloc && alloc->getBlock() == &body && alloc.getType() == type) {
        alloc.getResult().replaceAllUsesWith(out);
        alloc.erase();
      } else {
        b.create<memref::CopyOp>(ret.getLoc(), result, out);
      }
      erased.set(i);
    }
    ret->eraseOperands(erased);
    func.eraseResults(erased);
    return success();
  }
};

struct LowerShapeChecksPass
    : dlc::impl::LowerShapeChecksBase<LowerShapeChecksPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> asserts;
    module.walk([&](cf::AssertOp op) { asserts.push_back(op); });
    if (asserts.empty())
      return;
    MLIRContext *ctx = &getContext();
    OpBuilder b(ctx);
    b.setInsertionPointToStart(module.getBody());
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i64 = b.getI64Type();
    auto callee = module.lookupSymbol<func::FuncOp>("dlc_rt_shape_error");
    if (!callee) {
      callee =
          b.create<func::FuncOp>(module.getLoc(), "dlc_rt_shape_error",
                                 b.getFunctionType({ptrType, i64, i64}, {}));
      callee.setPrivate();
    }
    // One global per distinct message.
    llvm::StringMap<LLVM::GlobalOp> messages;
    for (cf::AssertOp op : asserts) {
      std::string text = op.getMsg().str();
      Value a, c;
      auto cmp = op.getArg().getDefiningOp<arith::CmpIOp>();
      bool sized = op->hasAttr("dlc.shape_check") && cmp &&
                   cmp.getLhs().getType().isIndex();
      if (!sized) { // a plain message: no format directives
        std::string escaped;
        for (char ch : text) {
          escaped.push_back(ch);
          if (ch == '%')
            escaped.push_back('%');
        }
        text = escaped;
      }
      text.push_back('\0');
      LLVM::GlobalOp &global = messages[text];
      if (!global) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(module.getBody());
        auto type = LLVM::LLVMArrayType::get(b.getI8Type(), text.size());
        global = b.create<LLVM::GlobalOp>(
            op.getLoc(), type, /*isConstant=*/true, LLVM::Linkage::Internal,
            "dlc_shape_check_" + std::to_string(messages.size() - 1),
            b.getStringAttr(text));
      }
      b.setInsertionPoint(op);
      Location loc = op.getLoc();
      // The sizes as int64 (a check compares index values).
      if (sized) {
        a = b.create<arith::IndexCastOp>(loc, i64, cmp.getLhs());
        c = b.create<arith::IndexCastOp>(loc, i64, cmp.getRhs());
      } else {
        a = c = b.create<arith::ConstantIntOp>(loc, 0, 64);
      }
      Value failed = b.create<arith::XOrIOp>(
          loc, op.getArg(), b.create<arith::ConstantIntOp>(loc, 1, 1));
      auto ifOp = b.create<scf::IfOp>(loc, failed, /*withElseRegion=*/false);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      Value format = b.create<LLVM::AddressOfOp>(loc, global);
      b.create<func::CallOp>(loc, callee, ValueRange{format, a, c});
      op.erase();
    }
  }
};

/// An external constant array `name` of `type` with `count` elements (at
/// least one), each built by `element(i)` (from the zero value when
/// `count` is 0), and `<countName>`, an int64 holding `count`.
void emitTable(OpBuilder &b, Location loc, StringRef name, Type type,
               size_t count, StringRef countName,
               function_ref<Value(size_t)> element) {
  auto tableType = LLVM::LLVMArrayType::get(type, std::max<size_t>(1, count));
  auto table =
      b.create<LLVM::GlobalOp>(loc, tableType, /*isConstant=*/true,
                               LLVM::Linkage::External, name, Attribute());
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(b.createBlock(&table.getInitializerRegion()));
    Value array = b.create<LLVM::ZeroOp>(loc, tableType);
    for (size_t i = 0; i < count; ++i)
      array = b.create<LLVM::InsertValueOp>(loc, array, element(i), i);
    b.create<LLVM::ReturnOp>(loc, array);
  }
  b.create<LLVM::GlobalOp>(loc, b.getI64Type(), /*isConstant=*/true,
                           LLVM::Linkage::External, countName,
                           b.getI64IntegerAttr(count));
}

/// const dlc_pack_source dlc_model_pack_table[] = {{data, k, n, rs, cs}...};
/// const int64_t dlc_model_pack_count = N;  (one zero entry when N is 0)
void emitPackTable(OpBuilder &b, Location loc, ArrayAttr entries) {
  MLIRContext *ctx = b.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  auto i64 = b.getI64Type();
  auto entryType =
      LLVM::LLVMStructType::getLiteral(ctx, {ptrType, i64, i64, i64, i64});
  emitTable(b, loc, "dlc_model_pack_table", entryType, entries.size(),
            "dlc_model_pack_count", [&](size_t i) -> Value {
              auto entry = cast<DictionaryAttr>(entries[i]);
              Value value = b.create<LLVM::UndefOp>(loc, entryType);
              Value data = b.create<LLVM::AddressOfOp>(
                  loc, ptrType,
                  entry.getAs<FlatSymbolRefAttr>("global").getValue());
              value = b.create<LLVM::InsertValueOp>(loc, value, data, 0);
              static constexpr StringLiteral fields[] = {"k", "n", "rs", "cs"};
              for (auto [field, name] : llvm::enumerate(fields)) {
                Value v = b.create<LLVM::ConstantOp>(
                    loc, i64, entry.getAs<IntegerAttr>(name));
                value = b.create<LLVM::InsertValueOp>(loc, value, v, field + 1);
              }
              return value;
            });
}

/// Emits `dlc_model_entry_<index>(ptr args, ptr packed)` calling `target`,
/// the C interface of `impl`. Its tensor arguments are the inputs, then the
/// out-parameters (`dlc.output_index`), then maybe the packed weights
/// (`dlc.packed`); its results, when it has any, come back through a
/// leading pointer and are stored into the slots of the outputs that are
/// not out-parameters, in order.
LLVM::LLVMFuncOp emitEntry(OpBuilder &b, Location loc, LLVM::LLVMFuncOp target,
                           LLVM::LLVMFuncOp impl, unsigned index) {
  MLIRContext *ctx = b.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  auto voidType = LLVM::LLVMVoidType::get(ctx);
  auto entry = b.create<LLVM::LLVMFuncOp>(
      loc, "dlc_model_entry_" + std::to_string(index),
      LLVM::LLVMFunctionType::get(voidType, {ptrType, ptrType}));
  OpBuilder::InsertionGuard guard(b);
  Block *body = entry.addEntryBlock(b);
  b.setInsertionPointToStart(body);
  auto slot = [&](unsigned i) -> Value {
    Value at =
        b.create<LLVM::GEPOp>(loc, ptrType, ptrType, body->getArgument(0),
                              ArrayRef<LLVM::GEPArg>{(int32_t)i});
    return b.create<LLVM::LoadOp>(loc, ptrType, at);
  };

  // A memref descriptor starts with its allocated pointer; several
  // results are a struct of descriptors.
  Type resultType = impl.getFunctionType().getReturnType();
  unsigned numResults = 0;
  bool single = false;
  if (auto results = dyn_cast<LLVM::LLVMStructType>(resultType)) {
    single = isa<LLVM::LLVMPointerType>(results.getBody().front());
    numResults = single ? 1 : results.getBody().size();
  }
  unsigned first = numResults ? 1 : 0;
  unsigned last = target.getNumArguments();
  bool packed = last > first && target.getArgAttr(last - 1, "dlc.packed");
  if (packed)
    --last;
  unsigned numInputs = 0, numOutParams = 0;
  for (unsigned arg = first; arg < last; ++arg)
    (target.getArgAttr(arg, kOutputIndexAttr) ? numOutParams : numInputs)++;
  unsigned numOutputs = numOutParams + numResults;

  SmallVector<Value> args;
  Value results;
  if (numResults) {
    Value one = b.create<LLVM::ConstantOp>(loc, b.getI64Type(), 1);
    results = b.create<LLVM::AllocaOp>(loc, ptrType, resultType, one);
    args.push_back(results);
  }
  llvm::BitVector passed(numOutputs);
  for (unsigned arg = first; arg < last; ++arg) {
    auto output = target.getArgAttrOfType<IntegerAttr>(arg, kOutputIndexAttr);
    if (!output) {
      args.push_back(slot(arg - first));
      continue;
    }
    passed.set(output.getInt());
    args.push_back(slot(numInputs + output.getInt()));
  }
  if (packed)
    args.push_back(body->getArgument(1));
  b.create<LLVM::CallOp>(loc, target, args);
  if (numResults) {
    Value value = b.create<LLVM::LoadOp>(loc, resultType, results);
    unsigned k = 0;
    for (unsigned out = 0; out < numOutputs; ++out) {
      if (passed.test(out))
        continue;
      Value descriptor =
          single ? value : b.create<LLVM::ExtractValueOp>(loc, value, k);
      b.create<LLVM::StoreOp>(loc, descriptor, slot(numInputs + out));
      ++k;
    }
  }
  b.create<LLVM::ReturnOp>(loc, ValueRange{});
  return entry;
}

struct EmitModelAbiPass : dlc::impl::EmitModelAbiBase<EmitModelAbiPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto metadata = module->getAttrOfType<StringAttr>(kMetadataAttr);
    auto targets = listedFunctions<LLVM::LLVMFuncOp>(module, "_mlir_ciface_");
    auto impls = listedFunctions<LLVM::LLVMFuncOp>(module);
    if (!metadata || failed(targets) || failed(impls)) {
      module.emitError("dlc-emit-model-abi needs the ")
          << kMetadataAttr << " and " << kFunctionsAttr
          << " attributes and the C interface of each function";
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

    SmallVector<LLVM::LLVMFuncOp> entries;
    for (auto [i, target] : llvm::enumerate(*targets))
      entries.push_back(emitEntry(b, loc, target, (*impls)[i], i));

    // const dlc_entry_fn dlc_model_functions[] = {...};
    emitTable(b, loc, "dlc_model_functions", ptrType, entries.size(),
              "dlc_model_function_count", [&](size_t i) -> Value {
                return b.create<LLVM::AddressOfOp>(loc, entries[i]);
              });
    module->removeAttr(kPackTableAttr);
    module->removeAttr(kMetadataAttr);
    module->removeAttr(kFunctionsAttr);
  }
};

} // namespace
