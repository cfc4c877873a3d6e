package dev.lifeguard.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lifeguard.training.learn.Mlp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {
  @Test
  void the_exported_network_answers_the_mean_of_its_members() {
    Random r = new Random(3);
    float[][] x = new float[200][4];
    double[][] y = new double[200][2];
    for (int i = 0; i < x.length; i++) {
      for (int d = 0; d < 4; d++) {
        x[i][d] = (float) r.nextGaussian();
      }
      y[i][0] = x[i][0] * x[i][1] > 0 ? 1 : 0;
      y[i][1] = x[i][2] > 0 ? 1 : 0;
    }
    List<Mlp.Options> options = MlpTrainer.members(11).stream()
        .map(o -> new Mlp.Options(8, o.weightDecay(), 1e-2, 32, o.seed())).toList();
    List<Mlp.Model> members = options.stream().map(o -> Mlp.fit(x, y, 5, o, null)).toList();
    assertNotEquals(members.get(0).logits(x[0])[0], members.get(1).logits(x[0])[0], "members start from different seeds");

    Mlp.Model mean = MlpTrainer.average(members);
    assertEquals(8 * MlpTrainer.MEMBERS, mean.b1().length, "hidden units side by side");
    for (int i = 0; i < 20; i++) {
      for (int k = 0; k < 2; k++) {
        double expected = 0;
        for (Mlp.Model m : members) {
          expected += m.logits(x[i])[k] / members.size();
        }
        assertEquals(expected, mean.logits(x[i])[k], 1e-4);
      }
    }
  }
}
