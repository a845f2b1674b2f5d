package dev.relulab.data;

/** A data set cut in two: the part trained on and the part held out (test or validation). */
public record Split(DataSet train, DataSet test) {
    /** Both parts standardised with the training part's statistics. */
    public Split standardised() {
        Standardizer s = Standardizer.fit(train);
        return new Split(train.standardised(s), test.standardised(s));
    }
}
