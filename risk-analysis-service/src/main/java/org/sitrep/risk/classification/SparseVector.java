package org.sitrep.risk.classification;

/** Feature indices (ascending) with their values. */
record SparseVector(int[] index, float[] value) {

    int size() {
        return index.length;
    }
}
