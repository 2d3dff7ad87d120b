package dev.gocause.kernel.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws the kernel's logo (a symptom → cause → fix chain of three dots) at any size. */
public final class Logos {
  private Logos() {}

  public static BufferedImage draw(int size) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      double s = size;
      g.setColor(new Color(0x00, 0x7d, 0x9c)); // Go's blue
      g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.25, s * 0.25));
      // three nodes left to right: symptom (amber), cause (red), fix (green)
      double r = s * 0.11;
      double y = s * 0.68;
      double[] xs = {s * 0.2, s * 0.5, s * 0.8};
      Color[] colors = {new Color(0xf2, 0xb1, 0x34), new Color(0xe0, 0x4f, 0x4f), new Color(0x5c, 0xc2, 0x6a)};
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke((float) Math.max(1, s * 0.04)));
      Path2D line = new Path2D.Double();
      line.moveTo(xs[0], y);
      line.lineTo(xs[2], y);
      g.draw(line);
      for (int i = 0; i < 3; i++) {
        g.setColor(colors[i]);
        g.fill(new java.awt.geom.Ellipse2D.Double(xs[i] - r, y - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        g.draw(new java.awt.geom.Ellipse2D.Double(xs[i] - r, y - r, 2 * r, 2 * r));
      }
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(s * 0.38)));
      String text = "go";
      int w = g.getFontMetrics().stringWidth(text);
      g.drawString(text, (float) ((s - w) / 2), (float) (s * 0.44));
    } finally {
      g.dispose();
    }
    return img;
  }

  public static void write(int size, Path file) {
    try {
      ImageIO.write(draw(size), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
