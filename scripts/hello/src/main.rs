//! Prints one line: the cost of starting and ending a Rust process, for `scripts/bench.sh`.

fn main() {
    println!("hello, world");
}
