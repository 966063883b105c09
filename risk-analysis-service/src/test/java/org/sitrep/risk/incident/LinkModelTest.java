package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LinkModelTest {

    /** Pairs whose first input decides, by a known logistic law, and a second input that is noise. */
    static List<LinkModel.Example> examples(long seed, int n) {
        Random random = new Random(seed);
        List<LinkModel.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble();
            double noise = random.nextDouble();
            double p = 1 / (1 + Math.exp(-(-4 + 8 * x)));
            out.add(new LinkModel.Example(new double[] {x, noise}, random.nextDouble() < p));
        }
        return out;
    }

    @Test
    void recoversTheCoefficientsOfAKnownLogisticLaw() {
        LinkModel model = LinkModel.fit(examples(1, 20_000), 0.01);
        double[] c = model.coefficients();
        assertThat(c[0]).isCloseTo(-4, org.assertj.core.data.Offset.offset(0.3));
        assertThat(c[1]).isCloseTo(8, org.assertj.core.data.Offset.offset(0.5));
        assertThat(c[2]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.3));
        assertThat(model.probability(new double[] {0.5, 0.3})).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theSameExamplesGiveTheSameModel() {
        assertThat(LinkModel.fit(examples(2, 2_000), 1).coefficients())
                .containsExactly(LinkModel.fit(examples(2, 2_000), 1).coefficients());
    }

    @Test
    void refusesExamplesOfOneKindOnly() {
        List<LinkModel.Example> onlyDistinct = List.of(new LinkModel.Example(new double[] {0.1}, false),
                new LinkModel.Example(new double[] {0.2}, false));
        assertThatThrownBy(() -> LinkModel.fit(onlyDistinct, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
