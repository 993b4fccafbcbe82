# expect: wrong_answer deserialize_builds_new_nodes_from_the_string
# Hands out a key into a dict shared by all instances and returns the original nodes from it.
class Codec:
    _trees = {}

    def serialize(self, root):
        key = str(len(Codec._trees))
        Codec._trees[key] = root
        return key

    def deserialize(self, data):
        return Codec._trees[data]
