//===- LinalgToMicrokernels.cpp - f32 GEMM and conv to runtime kernels ----===//
//
// After bufferization, f32 matmuls and NCHW convolutions become calls into
// dlcrt's blocked, packed and vectorized kernels (with run-time CPU
// dispatch). Anything else stays for the loop lowering.
//
//===----------------------------------------------------------------------===//
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dlc {
#define GEN_PASS_DEF_LINALGTOMICROKERNELS
#define GEN_PASS_DEF_LOWERMEMREFCOPY
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

constexpr StringLiteral kSgemm = "dlc_rt_sgemm";
constexpr StringLiteral kSgemmPacked = "dlc_rt_sgemm_packed";
constexpr StringLiteral kConv2d = "dlc_rt_conv2d";

/// A strided f32 buffer, taken apart for a C call.
struct Strided {
  Value pointer;              // !llvm.ptr to the first element
  SmallVector<Value> sizes;   // i64
  SmallVector<Value> strides; // i64, in elements
};

Value toI64(OpBuilder &b, Location loc, Value index) {
  return b.create<arith::IndexCastOp>(loc, b.getI64Type(), index);
}

Strided decompose(OpBuilder &b, Location loc, Value memref) {
  auto meta = b.create<memref::ExtractStridedMetadataOp>(loc, memref);
  Value base = b.create<memref::ExtractAlignedPointerAsIndexOp>(
      loc, meta.getBaseBuffer());
  auto type = cast<MemRefType>(memref.getType());
  int64_t bytes = type.getElementTypeBitWidth() / 8;
  Value offsetBytes = b.create<arith::MulIOp>(
      loc, meta.getOffset(), b.create<arith::ConstantIndexOp>(loc, bytes));
  Value address =
      toI64(b, loc, b.create<arith::AddIOp>(loc, base, offsetBytes));
  Strided s;
  s.pointer = b.create<LLVM::IntToPtrOp>(
      loc, LLVM::LLVMPointerType::get(b.getContext()), address);
  for (Value v : meta.getSizes())
    s.sizes.push_back(toI64(b, loc, v));
  for (Value v : meta.getStrides())
    s.strides.push_back(toI64(b, loc, v));
  return s;
}

bool isF32Memref(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  return type && type.getElementType().isF32();
}

bool isContiguous(Value v) {
  auto type = cast<MemRefType>(v.getType());
  return type.getLayout().isIdentity() ||
         (type.hasStaticShape() &&
          memref::isStaticShapeAndContiguousRowMajor(type));
}

/// Declares `name(types...)` returning nothing, once per module.
void declare(ModuleOp module, StringRef name, TypeRange types) {
  if (module.lookupSymbol(name))
    return;
  OpBuilder b(module.getBodyRegion());
  b.setInsertionPointToStart(module.getBody());
  auto decl = b.create<func::FuncOp>(module.getLoc(), name,
                                     b.getFunctionType(types, {}));
  decl.setPrivate();
}

void callKernel(OpBuilder &b, Location loc, StringRef name,
                ArrayRef<Value> args) {
  auto module =
      b.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  declare(module, name, ValueRange(args).getTypes());
  b.create<func::CallOp>(loc, name, TypeRange{}, args);
}

/// The constant right-hand GEMM operands of `main_graph`, which the runtime
/// packs once when the model is opened. `main_graph` gets a trailing
/// `!llvm.ptr` argument: the array of packed forms, in table order.
struct PackTable {
  func::FuncOp graph; // null: not compiling a model, pack nothing
  Value packedArg;
  llvm::StringMap<int32_t> indices;
  SmallVector<Attribute> entries;

  /// The packed form of constant global `global` (a K x N identity-layout
  /// f32 memref), or null when `b` is not such a global.
  Value lookup(OpBuilder &b, Location loc, Value operand) {
    auto get = operand.getDefiningOp<memref::GetGlobalOp>();
    if (!graph || !get || get->getParentOfType<func::FuncOp>() != graph)
      return {};
    auto module = graph->getParentOfType<ModuleOp>();
    auto global = module.lookupSymbol<memref::GlobalOp>(get.getNameAttr());
    auto type = get.getType();
    if (!global || !global.getConstant() || type.getRank() != 2 ||
        !type.hasStaticShape() || !type.getLayout().isIdentity())
      return {};
    auto [it, inserted] =
        indices.try_emplace(get.getName(), (int32_t)entries.size());
    if (inserted) {
      MLIRContext *ctx = b.getContext();
      auto i64 = [&](int64_t v) { return b.getI64IntegerAttr(v); };
      entries.push_back(DictionaryAttr::get(
          ctx, {b.getNamedAttr("global", get.getNameAttr()),
                b.getNamedAttr("k", i64(type.getDimSize(0))),
                b.getNamedAttr("n", i64(type.getDimSize(1))),
                b.getNamedAttr("rs", i64(type.getDimSize(1))),
                b.getNamedAttr("cs", i64(1))}));
    }
    auto ptrType = LLVM::LLVMPointerType::get(b.getContext());
    Value slot = b.create<LLVM::GEPOp>(loc, ptrType, ptrType, packedArg,
                                       ArrayRef<LLVM::GEPArg>{it->second});
    return b.create<LLVM::LoadOp>(loc, ptrType, slot);
  }
};

/// C[b] += A[b] * B[b] for linalg.matmul and linalg.batch_matmul; a
/// constant B of a plain matmul uses the runtime's packed copy.
template <typename OpTy> struct MatmulToSgemm : OpRewritePattern<OpTy> {
  MatmulToSgemm(MLIRContext *ctx, PackTable &table)
      : OpRewritePattern<OpTy>(ctx), table(table) {}
  PackTable &table;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value a = op.getDpsInputs()[0], b = op.getDpsInputs()[1],
          c = op.getDpsInits()[0];
    if (!op.hasPureBufferSemantics() || !isF32Memref(a) || !isF32Memref(b) ||
        !isF32Memref(c))
      return failure();
    Location loc = op.getLoc();
    Strided sa = decompose(rewriter, loc, a), sc = decompose(rewriter, loc, c);
    if (Value packed = table.lookup(rewriter, loc, b)) {
      auto type = cast<MemRefType>(b.getType());
      Value zero = rewriter.create<arith::ConstantIntOp>(loc, 0, 64);
      auto constant = [&](int64_t v) -> Value {
        return rewriter.create<arith::ConstantIntOp>(loc, v, 64);
      };
      SmallVector<Value> args = {constant(1),
                                 sa.sizes[0],
                                 constant(type.getDimSize(1)),
                                 constant(type.getDimSize(0)),
                                 sa.pointer,
                                 zero,
                                 sa.strides[0],
                                 sa.strides[1],
                                 packed,
                                 sc.pointer,
                                 zero,
                                 sc.strides[0],
                                 sc.strides[1]};
      callKernel(rewriter, loc, kSgemmPacked, args);
      rewriter.eraseOp(op);
      return success();
    }
    Strided sb = decompose(rewriter, loc, b);
    bool batched = sa.sizes.size() == 3;
    Value zero = rewriter.create<arith::ConstantIntOp>(loc, 0, 64);
    Value one = rewriter.create<arith::ConstantIntOp>(loc, 1, 64);
    int o = batched ? 1 : 0; // index of the row dim
    auto batchStride = [&](const Strided &s) {
      return batched ? s.strides[0] : zero;
    };
    SmallVector<Value> args = {batched ? sa.sizes[0] : one,
                               sa.sizes[o],     // M
                               sb.sizes[o + 1], // N
                               sa.sizes[o + 1], // K
                               sa.pointer,
                               batchStride(sa),
                               sa.strides[o],
                               sa.strides[o + 1],
                               sb.pointer,
                               batchStride(sb),
                               sb.strides[o],
                               sb.strides[o + 1],
                               sc.pointer,
                               batchStride(sc),
                               sc.strides[o],
                               sc.strides[o + 1]};
    callKernel(rewriter, loc, kSgemm, args);
    rewriter.eraseOp(op);
    return success();
  }
};

/// out += conv(in, filter) for contiguous NCHW/FCHW buffers, plain or
/// grouped (the grouped form views [N, G*C, H, W] as [N, G, C, H, W]).
template <typename OpTy> struct ConvToKernel : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value in = op.getDpsInputs()[0], filter = op.getDpsInputs()[1],
          out = op.getDpsInits()[0];
    if (!op.hasPureBufferSemantics() || !isF32Memref(in) ||
        !isF32Memref(filter) || !isF32Memref(out) || !isContiguous(in) ||
        !isContiguous(filter) || !isContiguous(out))
      return failure();
    Location loc = op.getLoc();
    Strided si = decompose(rewriter, loc, in),
            sf = decompose(rewriter, loc, filter),
            so = decompose(rewriter, loc, out);
    auto constant = [&](int64_t v) -> Value {
      return rewriter.create<arith::ConstantIntOp>(loc, v, 64);
    };
    auto mul = [&](Value x, Value y) -> Value {
      return rewriter.create<arith::MulIOp>(loc, x, y);
    };
    SmallVector<int64_t> strides(op.getStrides().template getValues<int64_t>());
    SmallVector<int64_t> dilations(
        op.getDilations().template getValues<int64_t>());
    // Plain: [N, C, H, W] x [F, C, KH, KW]. Grouped: [N, G, C, H, W] x
    // [G, F, C, KH, KW] -> [N, G, F, OH, OW], passed as G*C channels and
    // G*F features.
    bool grouped = si.sizes.size() == 5;
    int o = grouped ? 1 : 0; // offset of the spatial dims
    Value channels = grouped ? mul(si.sizes[1], si.sizes[2]) : si.sizes[1];
    Value features = grouped ? mul(sf.sizes[0], sf.sizes[1]) : sf.sizes[0];
    Value groups = grouped ? si.sizes[1] : constant(1);
    SmallVector<Value> args = {si.sizes[0],
                               channels,
                               si.sizes[2 + o],
                               si.sizes[3 + o],
                               features,
                               sf.sizes[2 + o],
                               sf.sizes[3 + o],
                               so.sizes[2 + o],
                               so.sizes[3 + o],
                               constant(strides[0]),
                               constant(strides[1]),
                               constant(dilations[0]),
                               constant(dilations[1]),
                               groups};
    args.append({si.pointer, sf.pointer, so.pointer});
    callKernel(rewriter, loc, kConv2d, args);
    rewriter.eraseOp(op);
    return success();
  }
};

struct LinalgToMicrokernelsPass
    : dlc::impl::LinalgToMicrokernelsBase<LinalgToMicrokernelsPass> {
  void runOnOperation() override {
    // Collect first: the rewrites add declarations to the parent module.
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<linalg::MatmulOp, linalg::BatchMatmulOp, linalg::Conv2DNchwFchwOp,
              linalg::Conv2DNgchwGfchwOp>(op))
        ops.push_back(op);
    });
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    PackTable table;
    if ((table.graph = module.lookupSymbol<func::FuncOp>("main_graph")) &&
        !table.graph.isExternal()) {
      unsigned index = table.graph.getNumArguments();
      table.graph.insertArgument(
          index, LLVM::LLVMPointerType::get(ctx),
          DictionaryAttr::get(
              ctx, {NamedAttribute(StringAttr::get(ctx, "dlc.packed"),
                                   UnitAttr::get(ctx))}),
          table.graph.getLoc());
      table.packedArg = table.graph.getArgument(index);
    } else {
      table.graph = {};
    }
    RewritePatternSet patterns(ctx);
    patterns.add<MatmulToSgemm<linalg::MatmulOp>,
                 MatmulToSgemm<linalg::BatchMatmulOp>>(ctx, table);
    patterns.add<ConvToKernel<linalg::Conv2DNchwFchwOp>,
                 ConvToKernel<linalg::Conv2DNgchwGfchwOp>>(ctx);
    GreedyRewriteConfig config;
    config.strictMode = GreedyRewriteStrictness::ExistingOps;
    (void)applyOpPatternsAndFold(ops, std::move(patterns), config);
    if (table.graph)
      module->setAttr("dlc.pack_table", ArrayAttr::get(ctx, table.entries));
  }
};

struct LowerMemrefCopyPass
    : dlc::impl::LowerMemrefCopyBase<LowerMemrefCopyPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp op) { copies.push_back(op); });
    for (memref::CopyOp copy : copies) {
      OpBuilder b(copy);
      Value source = copy.getSource(), target = copy.getTarget();
      // Contiguous buffers copy as one flat loop, which LLVM turns into a
      // memcpy (a multi-dim loop nest would be unrolled and gathered).
      auto sourceType = cast<MemRefType>(source.getType());
      auto targetType = cast<MemRefType>(target.getType());
      auto flat = [](MemRefType t) {
        return t.getRank() > 1 && t.hasStaticShape() &&
               t.getLayout().isIdentity();
      };
      if (flat(sourceType) && flat(targetType)) {
        ReassociationIndices all =
            llvm::to_vector(llvm::seq<int64_t>(0, sourceType.getRank()));
        source = b.create<memref::CollapseShapeOp>(
            copy.getLoc(), source, ArrayRef<ReassociationIndices>{all});
        target = b.create<memref::CollapseShapeOp>(
            copy.getLoc(), target, ArrayRef<ReassociationIndices>{all});
      }
      b.create<linalg::CopyOp>(copy.getLoc(), source, target);
      copy.erase();
    }
  }
};

} // namespace
