;; The re-score kernels of Monte Carlo and Sobol (BlockRescore, wasm-kernels.ts), in WebAssembly,
;; where these loops run about twice as fast as V8 runs them on typed arrays (bench:whatif).
;; Compiled by scripts/build-wasm.ts into kernels-wasm.ts; tests/engine/rescore-block.test.ts checks
;; the committed bytes are this file's, and the results against rescore and the rank definition.
;; Every pointer argument is a byte offset into the imported memory.
;;
;; score4: the weighted sums of four weight vectors in one pass over the matrix (rescore.ts's
;; weightedScores for four lanes). Lanes are the four vectors, two per f64x2: each lane is its own
;; chain, from 0 in indicator order, one IEEE multiplication and one addition per indicator, exactly
;; as in JavaScript, so the scores are the same bit for bit.
;;
;; mcFlush and sobolMixed: the per-row accumulations of Monte Carlo (every few samples) and Sobol
;; (every re-scoring), on integers held exactly in doubles.
;;
;; rank: competition ranks of one score array, overall and within each row's stage: the algorithm
;; of rank.ts (argsortDescending's packed fast path, then competitionRanks). Rows are carried
;; through the passes as one word, stage << 24 | row (n < 2^24). Returns 1, or 0 when the scores
;; are too clustered for the quantised keys (more than 16n insertion moves): the caller then ranks
;; with the 64-bit radix sort in JavaScript.
;;
;; rankMc: rank for Monte Carlo, writing each row's rank and list membership straight into the
;; sample's pending slot of mcFlush instead of order, rank and stageRank.
(module
  (import "env" "memory" (memory 1))

  ;; out_b[r] = vetoed[r] ? 0 : Σ_i W[((stage[r]·k + i)·4 + b] · s[r·k + i] + bonus[r] for b = 0..3,
  ;; and min/max per lane into minmax (8 doubles: min0..3, max0..3). Two rows at a time, r and r2 =
  ;; r + 1 (for an odd n the last row is its own pair, computed and stored twice): the two rows'
  ;; chains of additions are independent and overlap in the CPU, each row's own order of additions
  ;; unchanged. All inline (Node's V8 does not inline WebAssembly calls): 26 → 15–16 ns per row.
  (func (export "score4")
    (param $n i32) (param $k i32) (param $s i32) (param $stage i32) (param $W i32)
    (param $bonus i32) (param $vetoed i32) (param $out0 i32) (param $out1 i32) (param $out2 i32)
    (param $out3 i32) (param $minmax i32)
    (local $r i32) (local $r2 i32) (local $d i32) (local $i i32) (local $o i32) (local $w i32) (local $w2 i32)
    (local $x v128) (local $x2 v128) (local $a01 v128) (local $a23 v128) (local $c01 v128) (local $c23 v128)
    (local $zero v128) (local $lo01 v128) (local $lo23 v128) (local $hi01 v128) (local $hi23 v128)
    (local $rowBytes i32) (local $veto i32) (local $bv v128) (local $at i32)
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $lo01 (f64x2.splat (f64.const inf)))
    (local.set $lo23 (f64x2.splat (f64.const inf)))
    (local.set $hi01 (f64x2.splat (f64.const -inf)))
    (local.set $hi23 (f64x2.splat (f64.const -inf)))
    (local.set $rowBytes (i32.shl (local.get $k) (i32.const 3)))
    (local.set $o (local.get $s))
    (local.set $r (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $r2 (i32.add (local.get $r) (i32.const 1)))
      (local.set $d (local.get $rowBytes)) ;; from row r's values to row r2's
      (if (i32.ge_u (local.get $r2) (local.get $n))
        (then (local.set $r2 (local.get $r)) (local.set $d (i32.const 0))))
      (local.set $w (i32.add (local.get $W) (i32.shl (i32.mul (i32.load8_u (i32.add (local.get $stage) (local.get $r))) (local.get $k)) (i32.const 5))))
      (local.set $w2 (i32.add (local.get $W) (i32.shl (i32.mul (i32.load8_u (i32.add (local.get $stage) (local.get $r2))) (local.get $k)) (i32.const 5))))
      (local.set $a01 (local.get $zero))
      (local.set $a23 (local.get $zero))
      (local.set $c01 (local.get $zero))
      (local.set $c23 (local.get $zero))
      (local.set $i (i32.const 0))
      (block $idone (loop $ind
        (br_if $idone (i32.ge_u (local.get $i) (local.get $k)))
        (local.set $x (v128.load64_splat (local.get $o)))
        (local.set $x2 (v128.load64_splat (i32.add (local.get $o) (local.get $d))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (v128.load (local.get $w)) (local.get $x))))
        (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (v128.load offset=16 (local.get $w)) (local.get $x))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (v128.load (local.get $w2)) (local.get $x2))))
        (local.set $c23 (f64x2.add (local.get $c23) (f64x2.mul (v128.load offset=16 (local.get $w2)) (local.get $x2))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (local.set $w (i32.add (local.get $w) (i32.const 32)))
        (local.set $w2 (i32.add (local.get $w2) (i32.const 32)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $ind)))
      (local.set $veto (i32.load8_u (i32.add (local.get $vetoed) (local.get $r))))
      (local.set $bv (v128.load64_splat (i32.add (local.get $bonus) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $a01 (select (result v128) (local.get $zero) (f64x2.add (local.get $a01) (local.get $bv)) (local.get $veto)))
      (local.set $a23 (select (result v128) (local.get $zero) (f64x2.add (local.get $a23) (local.get $bv)) (local.get $veto)))
      (local.set $at (i32.shl (local.get $r) (i32.const 3)))
      (f64.store (i32.add (local.get $out0) (local.get $at)) (f64x2.extract_lane 0 (local.get $a01)))
      (f64.store (i32.add (local.get $out1) (local.get $at)) (f64x2.extract_lane 1 (local.get $a01)))
      (f64.store (i32.add (local.get $out2) (local.get $at)) (f64x2.extract_lane 0 (local.get $a23)))
      (f64.store (i32.add (local.get $out3) (local.get $at)) (f64x2.extract_lane 1 (local.get $a23)))
      (local.set $lo01 (f64x2.pmin (local.get $lo01) (local.get $a01)))
      (local.set $lo23 (f64x2.pmin (local.get $lo23) (local.get $a23)))
      (local.set $hi01 (f64x2.pmax (local.get $hi01) (local.get $a01)))
      (local.set $hi23 (f64x2.pmax (local.get $hi23) (local.get $a23)))
      (local.set $veto (i32.load8_u (i32.add (local.get $vetoed) (local.get $r2))))
      (local.set $bv (v128.load64_splat (i32.add (local.get $bonus) (i32.shl (local.get $r2) (i32.const 3)))))
      (local.set $c01 (select (result v128) (local.get $zero) (f64x2.add (local.get $c01) (local.get $bv)) (local.get $veto)))
      (local.set $c23 (select (result v128) (local.get $zero) (f64x2.add (local.get $c23) (local.get $bv)) (local.get $veto)))
      (local.set $at (i32.shl (local.get $r2) (i32.const 3)))
      (f64.store (i32.add (local.get $out0) (local.get $at)) (f64x2.extract_lane 0 (local.get $c01)))
      (f64.store (i32.add (local.get $out1) (local.get $at)) (f64x2.extract_lane 1 (local.get $c01)))
      (f64.store (i32.add (local.get $out2) (local.get $at)) (f64x2.extract_lane 0 (local.get $c23)))
      (f64.store (i32.add (local.get $out3) (local.get $at)) (f64x2.extract_lane 1 (local.get $c23)))
      (local.set $lo01 (f64x2.pmin (local.get $lo01) (local.get $c01)))
      (local.set $lo23 (f64x2.pmin (local.get $lo23) (local.get $c23)))
      (local.set $hi01 (f64x2.pmax (local.get $hi01) (local.get $c01)))
      (local.set $hi23 (f64x2.pmax (local.get $hi23) (local.get $c23)))
      ;; $o stepped over row r's values in the loop; now past row r2's as well.
      (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
      (local.set $r (i32.add (local.get $r) (i32.const 2)))
      (br $rows)))
    (v128.store (local.get $minmax) (local.get $lo01))
    (v128.store offset=16 (local.get $minmax) (local.get $lo23))
    (v128.store offset=32 (local.get $minmax) (local.get $hi01))
    (v128.store offset=48 (local.get $minmax) (local.get $hi23)))

  (func (export "rank")
    (param $n i32) (param $stages i32) (param $min f64) (param $max f64)
    (param $score i32) (param $stage i32) (param $packedB i32) (param $scoreB i32)
    (param $packed i32) (param $sorted i32) (param $countLow i32) (param $countHigh i32)
    (param $order i32) (param $rank i32) (param $stageRank i32)
    (param $seen i32) (param $lastScore i32) (param $lastRank i32)
    (result i32)
    (local $r i32) (local $p i32) (local $x i32) (local $st i32) (local $c i32) (local $prevRank i32)
    (local $v f64) (local $a i32)
    (if (i32.eqz (call $sort (local.get $n) (local.get $min) (local.get $max) (local.get $score) (local.get $stage)
          (local.get $packedB) (local.get $scoreB) (local.get $packed) (local.get $sorted)
          (local.get $countLow) (local.get $countHigh)))
      (then (return (i32.const 0))))

    ;; 6. Competition ranks ("1224") overall and within each stage; stage ≥ stages → stage rank 0.
    (memory.fill (local.get $seen) (i32.const 0) (i32.shl (local.get $stages) (i32.const 2)))
    (local.set $prevRank (i32.const 0))
    (local.set $p (i32.const 0))
    (block $done7 (loop $l7
      (br_if $done7 (i32.ge_u (local.get $p) (local.get $n)))
      (local.set $x (i32.load (i32.add (local.get $packed) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $r (i32.and (local.get $x) (i32.const 16777215)))
      (local.set $st (i32.shr_u (local.get $x) (i32.const 24)))
      (local.set $v (f64.load (i32.add (local.get $sorted) (i32.shl (local.get $p) (i32.const 3)))))
      (i32.store (i32.add (local.get $order) (i32.shl (local.get $p) (i32.const 2))) (local.get $r))
      (if (i32.eqz (i32.and (i32.gt_u (local.get $p) (i32.const 0))
            (f64.eq (local.get $v) (f64.load (i32.add (local.get $sorted) (i32.shl (i32.sub (local.get $p) (i32.const 1)) (i32.const 3)))))))
        (then (local.set $prevRank (i32.add (local.get $p) (i32.const 1)))))
      (i32.store (i32.add (local.get $rank) (i32.shl (local.get $r) (i32.const 2))) (local.get $prevRank))
      (if (i32.ge_u (local.get $st) (local.get $stages))
        (then (i32.store (i32.add (local.get $stageRank) (i32.shl (local.get $r) (i32.const 2))) (i32.const 0)))
        (else
          (local.set $a (i32.add (local.get $seen) (i32.shl (local.get $st) (i32.const 2))))
          (local.set $c (i32.add (i32.load (local.get $a)) (i32.const 1)))
          (i32.store (local.get $a) (local.get $c))
          (if (i32.or (i32.eq (local.get $c) (i32.const 1))
                (f64.ne (local.get $v) (f64.load (i32.add (local.get $lastScore) (i32.shl (local.get $st) (i32.const 3))))))
            (then (i32.store (i32.add (local.get $lastRank) (i32.shl (local.get $st) (i32.const 2))) (local.get $c))))
          (f64.store (i32.add (local.get $lastScore) (i32.shl (local.get $st) (i32.const 3))) (local.get $v))
          (i32.store (i32.add (local.get $stageRank) (i32.shl (local.get $r) (i32.const 2)))
            (i32.load (i32.add (local.get $lastRank) (i32.shl (local.get $st) (i32.const 2)))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $l7)))
    (i32.const 1))

;; rankMc: Monte Carlo's rank of one sample, straight into its pending slot (McChunk): the sort and
  ;; competition ranks of rank, but instead of order, rank and stageRank it writes one word per row,
  ;; out[r] = (byStage ? stage rank : rank) | onList << 30, where onList is, by listMode:
  ;; 0 never; 1 rank ≤ cut[stage] and not vetoed; 2 stage rank in 1..cut[stage] and not vetoed;
  ;; 3 score ≥ minScore and not vetoed (ListEvaluator.evaluate for its single-band rules).
  ;; Returns 1, or 0 when the scores are too clustered (as rank).
  (func (export "rankMc")
    (param $n i32) (param $stages i32) (param $min f64) (param $max f64)
    (param $score i32) (param $stage i32) (param $packedB i32) (param $scoreB i32)
    (param $packed i32) (param $sorted i32) (param $countLow i32) (param $countHigh i32)
    (param $seen i32) (param $lastScore i32) (param $lastRank i32) (param $vetoed i32)
    (param $out i32) (param $byStage i32) (param $listMode i32) (param $cut i32) (param $minScore f64)
    (result i32)
    (local $r i32) (local $p i32) (local $x i32) (local $st i32) (local $c i32) (local $prevRank i32)
    (local $v f64) (local $a i32) (local $sr i32) (local $lr i32) (local $on i32)
    (if (i32.eqz (call $sort (local.get $n) (local.get $min) (local.get $max) (local.get $score) (local.get $stage)
          (local.get $packedB) (local.get $scoreB) (local.get $packed) (local.get $sorted)
          (local.get $countLow) (local.get $countHigh)))
      (then (return (i32.const 0))))
    (memory.fill (local.get $seen) (i32.const 0) (i32.shl (local.get $stages) (i32.const 2)))
    (local.set $prevRank (i32.const 0))
    (local.set $p (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
      (local.set $x (i32.load (i32.add (local.get $packed) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $r (i32.and (local.get $x) (i32.const 16777215)))
      (local.set $st (i32.shr_u (local.get $x) (i32.const 24)))
      (local.set $v (f64.load (i32.add (local.get $sorted) (i32.shl (local.get $p) (i32.const 3)))))
      (if (i32.eqz (i32.and (i32.gt_u (local.get $p) (i32.const 0))
            (f64.eq (local.get $v) (f64.load (i32.add (local.get $sorted) (i32.shl (i32.sub (local.get $p) (i32.const 1)) (i32.const 3)))))))
        (then (local.set $prevRank (i32.add (local.get $p) (i32.const 1)))))
      (local.set $sr (i32.const 0))
      (if (i32.lt_u (local.get $st) (local.get $stages))
        (then
          (local.set $a (i32.add (local.get $seen) (i32.shl (local.get $st) (i32.const 2))))
          (local.set $c (i32.add (i32.load (local.get $a)) (i32.const 1)))
          (i32.store (local.get $a) (local.get $c))
          (if (i32.or (i32.eq (local.get $c) (i32.const 1))
                (f64.ne (local.get $v) (f64.load (i32.add (local.get $lastScore) (i32.shl (local.get $st) (i32.const 3))))))
            (then (i32.store (i32.add (local.get $lastRank) (i32.shl (local.get $st) (i32.const 2))) (local.get $c))))
          (f64.store (i32.add (local.get $lastScore) (i32.shl (local.get $st) (i32.const 3))) (local.get $v))
          (local.set $sr (i32.load (i32.add (local.get $lastRank) (i32.shl (local.get $st) (i32.const 2)))))))
      (local.set $on (i32.const 0))
      (if (local.get $listMode)
        (then
          (if (i32.eq (local.get $listMode) (i32.const 3))
            (then (local.set $on (f64.ge (local.get $v) (local.get $minScore))))
            (else
              (local.set $lr (select (local.get $prevRank) (local.get $sr) (i32.eq (local.get $listMode) (i32.const 1))))
              (local.set $on (i32.and (i32.gt_s (local.get $lr) (i32.const 0))
                (i32.le_s (local.get $lr) (i32.load (i32.add (local.get $cut) (i32.shl (local.get $st) (i32.const 2)))))))))
          (local.set $on (i32.and (local.get $on) (i32.eqz (i32.load8_u (i32.add (local.get $vetoed) (local.get $r))))))))
      (i32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 2)))
        (i32.or (select (local.get $sr) (local.get $prevRank) (local.get $byStage)) (i32.shl (local.get $on) (i32.const 30))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $l)))
    (i32.const 1))

  ;; sort: steps 1–5 of rank, the rows' packed words `stage << 24 | row` into `packed` in descending
  ;; order of score, the scores into `sorted` (the audit's column sorts, with a tag for a stage).
  ;; Returns 1, or 0 when the scores are too clustered (the caller sorts in JavaScript then).
  (func $sort (export "sort")
    (param $n i32) (param $min f64) (param $max f64)
    (param $score i32) (param $stage i32) (param $packedB i32) (param $scoreB i32)
    (param $packed i32) (param $sorted i32) (param $countLow i32) (param $countHigh i32)
    (result i32)
    (local $r i32) (local $p i32) (local $q i32) (local $k i32) (local $x i32)
    (local $c i32) (local $sum i32) (local $moves i32) (local $budget i32)
    (local $v f64) (local $scale f64) (local $a i32)


    ;; 1. Quantised keys on 2^22 levels and the histograms of both 11-bit digits.
    (memory.fill (local.get $countLow) (i32.const 0) (i32.const 8192))
    (memory.fill (local.get $countHigh) (i32.const 0) (i32.const 8192))
    (local.set $scale (f64.div (f64.const 4194303) (f64.sub (local.get $max) (local.get $min))))
    (local.set $r (i32.const 0))
    (block $done1 (loop $l1
      (br_if $done1 (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $k (i32.trunc_sat_f64_u (f64.mul
        (f64.sub (local.get $max) (f64.load (i32.add (local.get $score) (i32.shl (local.get $r) (i32.const 3)))))
        (local.get $scale))))
      (if (i32.ge_u (local.get $k) (i32.const 4194304)) (then (local.set $k (i32.const 4194303))))
      (local.set $a (i32.add (local.get $countLow) (i32.shl (i32.and (local.get $k) (i32.const 2047)) (i32.const 2))))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32.add (local.get $countHigh) (i32.shl (i32.shr_u (local.get $k) (i32.const 11)) (i32.const 2))))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $l1)))

    ;; 2. Prefix sums: each count becomes the number of rows before its bucket.
    (local.set $sum (i32.const 0))
    (local.set $r (i32.const 0))
    (block $done2 (loop $l2
      (br_if $done2 (i32.ge_u (local.get $r) (i32.const 8192)))
      (local.set $a (i32.add (local.get $countLow) (local.get $r)))
      (local.set $c (i32.load (local.get $a)))
      (i32.store (local.get $a) (local.get $sum))
      (local.set $sum (i32.add (local.get $sum) (local.get $c)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $l2)))
    (local.set $sum (i32.const 0))
    (local.set $r (i32.const 0))
    (block $done3 (loop $l3
      (br_if $done3 (i32.ge_u (local.get $r) (i32.const 8192)))
      (local.set $a (i32.add (local.get $countHigh) (local.get $r)))
      (local.set $c (i32.load (local.get $a)))
      (i32.store (local.get $a) (local.get $sum))
      (local.set $sum (i32.add (local.get $sum) (local.get $c)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $l3)))

    ;; 3. Stable pass on the low digit, rows in row order: word and score travel together. The key
    ;; is recomputed from the score (the same expression) rather than stored by pass 1 and read back.
    (local.set $r (i32.const 0))
    (block $done4 (loop $l4
      (br_if $done4 (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $v (f64.load (i32.add (local.get $score) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $k (i32.trunc_sat_f64_u (f64.mul (f64.sub (local.get $max) (local.get $v)) (local.get $scale))))
      (if (i32.ge_u (local.get $k) (i32.const 4194304)) (then (local.set $k (i32.const 4194303))))
      (local.set $a (i32.add (local.get $countLow) (i32.shl (i32.and (local.get $k) (i32.const 2047)) (i32.const 2))))
      (local.set $p (i32.load (local.get $a)))
      (i32.store (local.get $a) (i32.add (local.get $p) (i32.const 1)))
      (i32.store (i32.add (local.get $packedB) (i32.shl (local.get $p) (i32.const 2)))
        (i32.or (i32.shl (i32.load8_u (i32.add (local.get $stage) (local.get $r))) (i32.const 24)) (local.get $r)))
      (f64.store (i32.add (local.get $scoreB) (i32.shl (local.get $p) (i32.const 3))) (local.get $v))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $l4)))

    ;; 4. Stable pass on the high digit; each key is recomputed from its score (same expression).
    (local.set $r (i32.const 0))
    (block $done5 (loop $l5
      (br_if $done5 (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $v (f64.load (i32.add (local.get $scoreB) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $k (i32.trunc_sat_f64_u (f64.mul (f64.sub (local.get $max) (local.get $v)) (local.get $scale))))
      (if (i32.ge_u (local.get $k) (i32.const 4194304)) (then (local.set $k (i32.const 4194303))))
      (local.set $a (i32.add (local.get $countHigh) (i32.shl (i32.shr_u (local.get $k) (i32.const 11)) (i32.const 2))))
      (local.set $p (i32.load (local.get $a)))
      (i32.store (local.get $a) (i32.add (local.get $p) (i32.const 1)))
      (i32.store (i32.add (local.get $packed) (i32.shl (local.get $p) (i32.const 2)))
        (i32.load (i32.add (local.get $packedB) (i32.shl (local.get $r) (i32.const 2)))))
      (f64.store (i32.add (local.get $sorted) (i32.shl (local.get $p) (i32.const 3))) (local.get $v))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $l5)))

    ;; 5. Insertion pass: only rows with colliding keys can be out of order.
    (local.set $budget (i32.shl (local.get $n) (i32.const 4)))
    (local.set $moves (i32.const 0))
    (local.set $p (i32.const 1))
    (block $done6 (loop $l6
      (br_if $done6 (i32.ge_u (local.get $p) (local.get $n)))
      (local.set $v (f64.load (i32.add (local.get $sorted) (i32.shl (local.get $p) (i32.const 3)))))
      (if (f64.gt (local.get $v) (f64.load (i32.add (local.get $sorted) (i32.shl (i32.sub (local.get $p) (i32.const 1)) (i32.const 3)))))
        (then
          (local.set $x (i32.load (i32.add (local.get $packed) (i32.shl (local.get $p) (i32.const 2)))))
          (local.set $q (i32.sub (local.get $p) (i32.const 1)))
          (block $stop (loop $shift
            (br_if $stop (i32.lt_s (local.get $q) (i32.const 0)))
            (br_if $stop (i32.eqz (f64.lt (f64.load (i32.add (local.get $sorted) (i32.shl (local.get $q) (i32.const 3)))) (local.get $v))))
            (f64.store (i32.add (local.get $sorted) (i32.shl (i32.add (local.get $q) (i32.const 1)) (i32.const 3)))
              (f64.load (i32.add (local.get $sorted) (i32.shl (local.get $q) (i32.const 3)))))
            (i32.store (i32.add (local.get $packed) (i32.shl (i32.add (local.get $q) (i32.const 1)) (i32.const 2)))
              (i32.load (i32.add (local.get $packed) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $q (i32.sub (local.get $q) (i32.const 1)))
            (br $shift)))
          (local.set $moves (i32.add (local.get $moves) (i32.sub (i32.sub (local.get $p) (i32.const 1)) (local.get $q))))
          (f64.store (i32.add (local.get $sorted) (i32.shl (i32.add (local.get $q) (i32.const 1)) (i32.const 3))) (local.get $v))
          (i32.store (i32.add (local.get $packed) (i32.shl (i32.add (local.get $q) (i32.const 1)) (i32.const 2))) (local.get $x))
          (if (i32.gt_u (local.get $moves) (local.get $budget)) (then (return (i32.const 0))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $l6)))

    (i32.const 1))


  ;; Sobol, one mixed point A_B^(i) (SobolChunk.evaluatePoint): y = rank − rank0,
  ;; first[r] += yB[r]·(y − yA[r]), total[r] += (y − yA[r])²; returns Σ|y|. Products as doubles:
  ;; they can pass 2^31, never 2^53.
  (func (export "sobolMixed")
    (param $n i32) (param $rank i32) (param $rank0 i32) (param $yA i32) (param $yB i32)
    (param $first i32) (param $total i32) (result f64)
    (local $r i32) (local $y i32) (local $diff f64) (local $abs f64) (local $a i32) (local $o4 i32)
    (local.set $abs (f64.const 0))
    (local.set $r (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $o4 (i32.shl (local.get $r) (i32.const 2)))
      (local.set $y (i32.sub (i32.load (i32.add (local.get $rank) (local.get $o4))) (i32.load (i32.add (local.get $rank0) (local.get $o4)))))
      (local.set $abs (f64.add (local.get $abs) (f64.abs (f64.convert_i32_s (local.get $y)))))
      (local.set $diff (f64.convert_i32_s (i32.sub (local.get $y) (i32.load (i32.add (local.get $yA) (local.get $o4))))))
      (local.set $a (i32.add (local.get $first) (i32.shl (local.get $r) (i32.const 3))))
      (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
        (f64.mul (f64.convert_i32_s (i32.load (i32.add (local.get $yB) (local.get $o4)))) (local.get $diff))))
      (local.set $a (i32.add (local.get $total) (i32.shl (local.get $r) (i32.const 3))))
      (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (f64.mul (local.get $diff) (local.get $diff))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows)))
    (local.get $abs))

;; Monte Carlo, every T buffered samples (McChunk.flush): pending[t·n4 + r] is sample t's word for
  ;; row r, its rank (0: none) in bits 0–29 and 1 in bit 30 when the row was on the list. Four rows
  ;; at a time (n4 = rows rounded up to 4; the padding rows' words stay 0), their T words are added
  ;; while their sums and histograms stay in cache: rankSum[r] += x, rankSqSum[r] += x²,
  ;; top[r] += x ≤ t0, top[n4 + r] += x ≤ t1 (0: no threshold), list[r] += bit 30, and with bins > 0
  ;; hist[r·bins + lut[x]] += 1. Within a flush the sums are integers, Σx in i32 lanes and Σx² in i64
  ;; lanes, then added to the doubles: exact while T·n4 < 2^30 and T·n4² < 2^53, which the caller
  ;; checks (McChunk's 32 MB of slots keeps T·n4 ≤ 2^23). The four rows'
  ;; histogram increments are independent, so they do not wait on each other's stores.
  (func (export "mcFlush")
    (param $n4 i32) (param $T i32) (param $pending i32) (param $lut i32) (param $rankSum i32)
    (param $rankSqSum i32) (param $top i32) (param $t0 i32) (param $t1 i32) (param $list i32)
    (param $hist i32) (param $bins i32)
    (local $r i32) (local $t i32) (local $q i32) (local $w v128) (local $x v128) (local $pos v128)
    (local $s v128) (local $s2lo v128) (local $s2hi v128) (local $c0 v128) (local $c1 v128) (local $cl v128)
    (local $t0v v128) (local $t1v v128) (local $low v128) (local $zero v128)
    (local $stride i32) (local $h i32) (local $rowBytes i32) (local $xi i32) (local $a i32) (local $o i32)
    (local.set $stride (i32.shl (local.get $n4) (i32.const 2)))
    (local.set $rowBytes (i32.shl (local.get $bins) (i32.const 1)))
    (local.set $t0v (i32x4.splat (local.get $t0)))
    (local.set $t1v (i32x4.splat (local.get $t1)))
    (local.set $low (i32x4.splat (i32.const 0x3fffffff)))
    (local.set $zero (i32x4.splat (i32.const 0)))
    (local.set $r (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $r) (local.get $n4)))
      (local.set $s (local.get $zero))
      (local.set $s2lo (local.get $zero))
      (local.set $s2hi (local.get $zero))
      (local.set $c0 (local.get $zero))
      (local.set $c1 (local.get $zero))
      (local.set $cl (local.get $zero))
      (local.set $h (i32.add (local.get $hist) (i32.mul (local.get $r) (local.get $rowBytes))))
      (local.set $q (i32.add (local.get $pending) (i32.shl (local.get $r) (i32.const 2))))
      (local.set $t (i32.const 0))
      (block $tdone (loop $samples
        (br_if $tdone (i32.ge_u (local.get $t) (local.get $T)))
        (local.set $w (v128.load (local.get $q)))
        (local.set $x (v128.and (local.get $w) (local.get $low)))
        (local.set $cl (i32x4.add (local.get $cl) (i32x4.shr_u (local.get $w) (i32.const 30))))
        (local.set $pos (i32x4.gt_s (local.get $x) (local.get $zero)))
        (local.set $s (i32x4.add (local.get $s) (local.get $x)))
        (local.set $s2lo (i64x2.add (local.get $s2lo) (i64x2.extmul_low_i32x4_u (local.get $x) (local.get $x))))
        (local.set $s2hi (i64x2.add (local.get $s2hi) (i64x2.extmul_high_i32x4_u (local.get $x) (local.get $x))))
        (local.set $c0 (i32x4.sub (local.get $c0) (v128.and (local.get $pos) (i32x4.le_s (local.get $x) (local.get $t0v)))))
        (local.set $c1 (i32x4.sub (local.get $c1) (v128.and (local.get $pos) (i32x4.le_s (local.get $x) (local.get $t1v)))))
        (if (local.get $bins)
          (then
            (local.set $xi (i32x4.extract_lane 0 (local.get $x)))
            (if (local.get $xi) (then
              (local.set $a (i32.add (local.get $h)
                (i32.shl (i32.load16_u (i32.add (local.get $lut) (i32.shl (local.get $xi) (i32.const 1)))) (i32.const 1))))
              (i32.store16 (local.get $a) (i32.add (i32.load16_u (local.get $a)) (i32.const 1)))))
            (local.set $xi (i32x4.extract_lane 1 (local.get $x)))
            (if (local.get $xi) (then
              (local.set $a (i32.add (i32.add (local.get $h) (local.get $rowBytes))
                (i32.shl (i32.load16_u (i32.add (local.get $lut) (i32.shl (local.get $xi) (i32.const 1)))) (i32.const 1))))
              (i32.store16 (local.get $a) (i32.add (i32.load16_u (local.get $a)) (i32.const 1)))))
            (local.set $xi (i32x4.extract_lane 2 (local.get $x)))
            (if (local.get $xi) (then
              (local.set $a (i32.add (i32.add (local.get $h) (i32.shl (local.get $rowBytes) (i32.const 1)))
                (i32.shl (i32.load16_u (i32.add (local.get $lut) (i32.shl (local.get $xi) (i32.const 1)))) (i32.const 1))))
              (i32.store16 (local.get $a) (i32.add (i32.load16_u (local.get $a)) (i32.const 1)))))
            (local.set $xi (i32x4.extract_lane 3 (local.get $x)))
            (if (local.get $xi) (then
              (local.set $a (i32.add (i32.add (local.get $h) (i32.mul (local.get $rowBytes) (i32.const 3)))
                (i32.shl (i32.load16_u (i32.add (local.get $lut) (i32.shl (local.get $xi) (i32.const 1)))) (i32.const 1))))
              (i32.store16 (local.get $a) (i32.add (i32.load16_u (local.get $a)) (i32.const 1)))))))
        (local.set $q (i32.add (local.get $q) (local.get $stride)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $samples)))
      ;; Rows r..r+3 into the accumulators.
      (local.set $o (i32.add (local.get $rankSum) (i32.shl (local.get $r) (i32.const 3))))
      (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (f64x2.convert_low_i32x4_s (local.get $s))))
      (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o))
        (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $s) (local.get $s)))))
      (local.set $o (i32.add (local.get $rankSqSum) (i32.shl (local.get $r) (i32.const 3))))
      (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o))
        (f64x2.replace_lane 1 (f64x2.splat (f64.convert_i64_s (i64x2.extract_lane 0 (local.get $s2lo))))
          (f64.convert_i64_s (i64x2.extract_lane 1 (local.get $s2lo))))))
      (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o))
        (f64x2.replace_lane 1 (f64x2.splat (f64.convert_i64_s (i64x2.extract_lane 0 (local.get $s2hi))))
          (f64.convert_i64_s (i64x2.extract_lane 1 (local.get $s2hi))))))
      (local.set $o (i32.add (local.get $top) (i32.shl (local.get $r) (i32.const 2))))
      (v128.store (local.get $o) (i32x4.add (v128.load (local.get $o)) (local.get $c0)))
      (local.set $o (i32.add (local.get $o) (local.get $stride)))
      (v128.store (local.get $o) (i32x4.add (v128.load (local.get $o)) (local.get $c1)))
      (local.set $o (i32.add (local.get $list) (i32.shl (local.get $r) (i32.const 2))))
      (v128.store (local.get $o) (i32x4.add (v128.load (local.get $o)) (local.get $cl)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $rows))))
)
