package dev.silentdeals.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept under {@code src/main/resources/redis/}. Scripts make multi-key updates atomic; all
 * their keys share one workspace's hash tag, so they run on Redis Cluster as well.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private volatile String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public static LuaScript load(String name) {
        String path = "/redis/" + name + ".lua";
        try (InputStream in = LuaScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lua script missing on the classpath: " + path);
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Lua script " + path, e);
        }
    }

    public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha(redis, keys.get(0)), keys, args);
        } catch (JedisNoScriptException e) {
            sha = null;
            return redis.eval(source, keys, args);
        }
    }

    /** Queues the script on a pipeline; call {@link #prepare} on the same server first. */
    public Response<Object> eval(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /** Makes sure the server knows the script before it is used in a pipeline. */
    public void prepare(UnifiedJedis redis, String sampleKey) {
        sha(redis, sampleKey);
        if (!Boolean.TRUE.equals(redis.scriptExists(sha, sampleKey))) {
            sha = redis.scriptLoad(source, sampleKey);
        }
    }

    private String sha(UnifiedJedis redis, String sampleKey) {
        String current = sha;
        if (current == null) {
            current = redis.scriptLoad(source, sampleKey);
            sha = current;
        }
        return current;
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + "]";
    }
}
