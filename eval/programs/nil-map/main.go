// A cache struct's map field is never made before the first write.
package main

type cache struct{ entries map[string]int }

func (c *cache) put(k string, v int) { c.entries[k] = v }

func main() {
	var c cache
	c.put("a", 1)
}
