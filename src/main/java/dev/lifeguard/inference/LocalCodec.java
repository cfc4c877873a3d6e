package dev.lifeguard.inference;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/** Passes immutable objects over the local event bus by reference: no serialisation on the hot path. */
public final class LocalCodec implements MessageCodec<Object, Object> {
  public static final String NAME = "lifeguard.local";

  @Override
  public void encodeToWire(Buffer buffer, Object o) {
    throw new UnsupportedOperationException("local codec: " + o.getClass().getSimpleName() + " does not cross the network");
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("local codec");
  }

  @Override
  public Object transform(Object o) {
    return o;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
